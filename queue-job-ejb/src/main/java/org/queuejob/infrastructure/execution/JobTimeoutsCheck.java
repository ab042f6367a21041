package org.queuejob.infrastructure.execution;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;

/**
 * Refuses a deployment whose job timeouts or interrupt settings are malformed, or name no job function of the
 * application in its own {@code microprofile-config.properties} (a typo, or a name without its package, which would
 * be ignored), as deployment problems (as {@code
 * ChannelConfigCheck} does for channels): the deploy command then prints which setting is wrong, instead of the first
 * job failing or running with a setting it was not meant to have.
 */
public class JobTimeoutsCheck implements Extension {

    private static final Logger LOG = Logger.getLogger(JobTimeoutsCheck.class.getName());

    /** The application's own configuration file, as MicroProfile Config names it. */
    static final String APPLICATION_FILE = "META-INF/microprofile-config.properties";

    /** The settings given per job function. */
    static final List<String> PER_FUNCTION =
            List.of(JobTimeouts.DEFAULT, JobTimeouts.INTERRUPT, CancelInterrupts.SETTING);

    void check(@Observes AfterDeploymentValidation event, BeanManager beans) {
        // The registry found the job functions while the beans were discovered, before this event.
        Collection<String> functions = PerFunctionSettings.names(beans.getExtension(JobFunctionRegistry.class));
        Config config = ConfigProvider.getConfig();
        Set<String> own = ownProperties(Thread.currentThread().getContextClassLoader());
        problems(config, functions, own::contains)
                .forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
        warnings(config, functions, own::contains).forEach(LOG::warning);
    }

    /**
     * The properties the application sets in its own {@code META-INF/microprofile-config.properties} files. The others
     * come from sources every application of the server reads (system properties, the environment, the server's
     * configuration), and may be meant for another application on the same server.
     */
    static Set<String> ownProperties(ClassLoader application) {
        Set<String> own = new HashSet<>();
        try {
            for (URL file : Collections.list(application.getResources(APPLICATION_FILE))) {
                Properties properties = new Properties();
                try (InputStream in = file.openStream()) {
                    properties.load(in);
                }
                own.addAll(properties.stringPropertyNames());
            }
        } catch (IOException | IllegalArgumentException e) {
            // The configuration read these files already and would have said so; unread, every setting is warned of.
            LOG.warning(() -> "Could not read the application's " + APPLICATION_FILE + ": " + e);
        }
        return own;
    }

    /**
     * Settings from outside the application's own file that name no job function of this application: said, not
     * refused, since a setting of the whole server may be meant for another application on it.
     */
    static List<String> warnings(Config config, Collection<String> functions, Predicate<String> ownProperty) {
        return unknown(config, functions).stream()
                .filter(unknown -> !ownProperty.test(unknown.property()))
                .map(unknown -> unknown.sentence()
                        + " (set for the whole server, not in the application: it may be meant for another"
                        + " application; ignored here)")
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
