package org.queuejob.infrastructure.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.domain.scheduling.InvalidChannelConfigException;

/**
 * Refuses a deployment whose channel string is malformed, as a CDI deployment problem: the container then prints
 * the parser's message (which names the bad entry) in the deploy command's answer, where an exception thrown at
 * start-up would only say that a bean failed to initialise.
 */
public class ChannelConfigCheck implements Extension {

    void check(@Observes AfterDeploymentValidation event) {
        String channels = ConfigProvider.getConfig()
                .getOptionalValue(QueueJobSettings.CHANNELS, String.class)
                .orElse(ChannelConfig.DEFAULT);
        try {
            ChannelConfig.parse(channels);
        } catch (InvalidChannelConfigException e) {
            event.addDeploymentProblem(new DeploymentException(QueueJobSettings.CHANNELS + ": " + e.getMessage(), e));
        }
    }
}
