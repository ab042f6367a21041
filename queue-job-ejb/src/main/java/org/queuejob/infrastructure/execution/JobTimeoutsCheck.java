package org.queuejob.infrastructure.execution;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a deployment whose job timeouts or interrupt settings are malformed, as a deployment problem (as {@code
 * ChannelConfigCheck} does for channels): the deploy command then prints which setting is wrong, instead of the first
 * job failing.
 */
public class JobTimeoutsCheck implements Extension {

    void check(@Observes AfterDeploymentValidation event) {
        try {
            new JobTimeouts().read(ConfigProvider.getConfig());
            new CancelInterrupts().read(ConfigProvider.getConfig());
        } catch (IllegalArgumentException e) {
            event.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
        }
    }
}
