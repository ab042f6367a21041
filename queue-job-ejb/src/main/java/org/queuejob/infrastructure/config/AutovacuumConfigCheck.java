package org.queuejob.infrastructure.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a deployment whose autovacuum settings are malformed, as a deployment problem (see {@link
 * ChannelConfigCheck} for why not an exception at start-up): the deploy command then prints which setting is wrong.
 */
public class AutovacuumConfigCheck implements Extension {

    void check(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig();
        try {
            AutovacuumConfig.parse(
                    value(config, AutovacuumConfig.ENABLED, AutovacuumConfig.DEFAULT_ENABLED),
                    value(config, AutovacuumConfig.TIME, AutovacuumConfig.DEFAULT_TIME),
                    value(config, AutovacuumConfig.CHUNK_SIZE, AutovacuumConfig.DEFAULT_CHUNK_SIZE),
                    value(config, AutovacuumConfig.MAX_DUTY, AutovacuumConfig.DEFAULT_MAX_DUTY),
                    value(config, AutovacuumConfig.BUSY_DUTY, AutovacuumConfig.DEFAULT_BUSY_DUTY));
        } catch (IllegalArgumentException e) {
            event.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
        }
    }

    private static String value(Config config, String name, String defaultValue) {
        return config.getOptionalValue(name, String.class).orElse(defaultValue);
    }
}
