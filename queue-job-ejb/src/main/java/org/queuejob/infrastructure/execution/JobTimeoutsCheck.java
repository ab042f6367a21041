package org.queuejob.infrastructure.execution;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.queuejob.infrastructure.config.ApplicationSettings;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.notification.FailureMail;

/**
 * Refuses a deployment whose job timeouts, interrupt settings or failure-mail addresses per job function are malformed
 * (the mail's are checked where they are read), or name no job function of the
 * application in its own {@code microprofile-config.properties} (a typo, or a name without its package, which would
 * be ignored), as deployment problems (as {@code
 * ChannelConfigCheck} does for channels): the deploy command then prints which setting is wrong, instead of the first
 * job failing or running with a setting it was not meant to have.
 */
public class JobTimeoutsCheck implements Extension {

    private static final Logger LOG = Logger.getLogger(JobTimeoutsCheck.class.getName());

    /** The settings given per job function. */
    static final List<String> PER_FUNCTION = List.of(
            JobTimeouts.DEFAULT, JobTimeouts.INTERRUPT, CancelInterrupts.SETTING, FailureMail.TO_FUNCTION_SETTING);

    void check(@Observes AfterDeploymentValidation event, BeanManager beans) {
        // The registry found the job functions while the beans were discovered, before this event.
        Collection<String> functions = PerFunctionSettings.names(beans.getExtension(JobFunctionRegistry.class));
        Config config = ConfigProvider.getConfig();
        Set<String> own = ApplicationSettings.names(Thread.currentThread().getContextClassLoader());
        problems(config, functions, own::contains)
                .forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
        warnings(config, functions, own::contains).forEach(LOG::warning);
    }

    /**
     * Settings from outside the application's own file that name no job function of this application: said, not
     * refused, since a setting of the whole server may be meant for another application on it.
     */
    static List<String> warnings(Config config, Collection<String> functions, Predicate<String> ownProperty) {
        return unknown(config, functions).stream()
                .filter(unknown -> !ownProperty.test(unknown.property()))
                .map(unknown -> unknown.sentence() + ApplicationSettings.SERVER_WIDE)
                .toList();
    }

    /** What is wrong with these settings, every setting taken as the application's own. */
    static List<String> problems(Config config, Collection<String> functions) {
        return problems(config, functions, property -> true);
    }

    private static List<PerFunctionSettings.Unknown> unknown(Config config, Collection<String> functions) {
        return PER_FUNCTION.stream()
                .flatMap(setting -> PerFunctionSettings.unknown(config, setting, functions).stream())
                .toList();
    }

    /**
     * What is wrong with these settings for an application of the job functions {@code functions}, one sentence each;
     * a name of no job function only where {@code ownProperty} says the application set it.
     */
    static List<String> problems(Config config, Collection<String> functions, Predicate<String> ownProperty) {
        List<String> problems = new ArrayList<>();
        unknown(config, functions).stream()
                .filter(unknown -> ownProperty.test(unknown.property()))
                .forEach(unknown -> problems.add(unknown.sentence()));
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
