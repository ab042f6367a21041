package org.queuejob.infrastructure.execution;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;

/**
 * Refuses a deployment whose job timeouts or interrupt settings are malformed, or name no job function of the
 * application (a typo, or a name without its package, which would be ignored), as deployment problems (as {@code
 * ChannelConfigCheck} does for channels): the deploy command then prints which setting is wrong, instead of the first
 * job failing or running with a setting it was not meant to have.
 */
public class JobTimeoutsCheck implements Extension {

    /** The settings given per job function. */
    static final List<String> PER_FUNCTION =
            List.of(JobTimeouts.DEFAULT, JobTimeouts.INTERRUPT, CancelInterrupts.SETTING);

    void check(@Observes AfterDeploymentValidation event, BeanManager beans) {
        // The registry found the job functions while the beans were discovered, before this event.
        Collection<String> functions = PerFunctionSettings.names(beans.getExtension(JobFunctionRegistry.class));
        problems(ConfigProvider.getConfig(), functions)
                .forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
    }

    /** What is wrong with these settings for an application of the job functions {@code functions}, one sentence each. */
    static List<String> problems(Config config, Collection<String> functions) {
        List<String> problems = new ArrayList<>();
        PER_FUNCTION.forEach(setting -> problems.addAll(PerFunctionSettings.unknown(config, setting, functions)));
        try {
            new JobTimeouts().read(config, functions);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            new CancelInterrupts().read(config, functions);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }
}
