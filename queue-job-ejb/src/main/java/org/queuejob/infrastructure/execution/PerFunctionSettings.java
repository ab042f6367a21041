package org.queuejob.infrastructure.execution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;

/**
 * Settings named after a job function, {@code <setting>.<job function>} (e.g. {@code
 * queue-job.job-timeout-seconds.org.acme.Reports.yearly}), found among the configuration's property names.
 *
 * <p>Given in the environment, such a setting has MicroProfile Config's environment name: every character other than
 * a letter or a digit becomes {@code _}, and the whole is upper case ({@code
 * QUEUE_JOB_JOB_TIMEOUT_SECONDS_ORG_ACME_REPORTS_YEARLY}). The configuration lists it under that name, which no longer
 * says where the setting's name ends and the function's begins, so it is matched against the environment names of
 * the application's job functions.
 *
 * <p>A name that matches no job function is a typo, or a function named without its package: it would be ignored, so
 * {@link #unknown} says so, with the nearest function's name where one is close.
 */
final class PerFunctionSettings {

    static final String UNKNOWN = "%s names no job function of this application%s";

    private PerFunctionSettings() {}

    /** The names of the application's job functions. */
    static Set<String> names(JobFunctionRegistry registry) {
        return registry.all().stream().map(JobFunction::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The values of {@code setting.<function>} for the job functions {@code functions}, by function. */
    static Map<String, String> values(Config config, String setting, Collection<String> functions) {
        String prefix = setting + ".";
        Map<String, String> byEnvName = byEnvName(setting, functions);
        Map<String, String> values = new HashMap<>();
        for (String property : config.getPropertyNames()) {
            String function = property.startsWith(prefix)
                    ? property.substring(prefix.length())
                    : byEnvName.get(property.toUpperCase(Locale.ROOT));
            if (function != null && functions.contains(function)) {
                // The dotted name first: the configuration then weighs its sources as it does for any setting (an
                // implementation maps it to the environment name itself); the name as listed where it does not.
                config.getOptionalValue(prefix + function, String.class)
                        .or(() -> config.getOptionalValue(property, String.class))
                        .ifPresent(value -> values.put(function, value));
            }
        }
        return values;
    }

    /** A setting named after no job function of the application: its property name, and a sentence saying so. */
    record Unknown(String property, String sentence) {}

    /**
     * Each setting {@code setting.<name>}, in either form, whose name is no job function of {@code functions}; none
     * when all are.
     */
    static List<Unknown> unknown(Config config, String setting, Collection<String> functions) {
        String prefix = setting + ".";
        String envPrefix = envName(prefix);
        Map<String, String> byEnvName = byEnvName(setting, functions);
        List<Unknown> problems = new ArrayList<>();
        for (String property : config.getPropertyNames()) {
            if (config.getOptionalValue(property, String.class).isEmpty()) {
                continue; // an empty value is no value: nothing is ignored
            }
            if (property.startsWith(prefix) && property.length() > prefix.length()) {
                String function = property.substring(prefix.length());
                if (!functions.contains(function)) {
                    problems.add(new Unknown(
                            property, String.format(UNKNOWN, property, suggestion(prefix, function, functions))));
                }
            } else if (isEnvName(property)) {
                String upper = property.toUpperCase(Locale.ROOT);
                if (upper.startsWith(envPrefix)
                        && upper.length() > envPrefix.length()
                        && !byEnvName.containsKey(upper)) {
                    problems.add(new Unknown(
                            property, String.format(UNKNOWN, property, envSuggestion(envPrefix, upper, byEnvName))));
                }
            }
        }
        return problems;
    }

    /**
     * MicroProfile Config's environment name of a property: each character other than an ASCII letter or digit
     * becomes {@code _}, letters upper case.
     */
    static String envName(String property) {
        StringBuilder name = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            name.append(alphanumeric ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    private static boolean isEnvName(String property) {
        return envName(property).equals(property.toUpperCase(Locale.ROOT));
    }

    /** The job functions by the environment name of their setting. */
    private static Map<String, String> byEnvName(String setting, Collection<String> functions) {
        Map<String, String> byEnvName = new HashMap<>();
        functions.forEach(function -> byEnvName.put(envName(setting + "." + function), function));
        return byEnvName;
    }

    private static String suggestion(String prefix, String given, Collection<String> functions) {
        return nearest(given, functions, ".")
                .map(function -> "; did you mean " + prefix + function + "?")
                .orElse(": name a @Job method by its fully qualified name, e.g. " + prefix
                        + "org.acme.Reports.yearly.");
    }

    private static String envSuggestion(String envPrefix, String given, Map<String, String> byEnvName) {
        return nearest(
                        given.substring(envPrefix.length()),
                        byEnvName.keySet().stream()
                                .map(name -> name.substring(envPrefix.length()))
                                .toList(),
                        "_")
                .map(function -> "; did you mean " + envPrefix + function + " (for "
                        + byEnvName.get(envPrefix + function) + ")?")
                .orElse(": name a @Job method by the environment name of its fully qualified name, e.g. " + envPrefix
                        + "ORG_ACME_REPORTS_YEARLY for org.acme.Reports.yearly.");
    }

    /**
     * The function {@code given} most likely means: the only one it ends after a {@code separator} (a name without
     * its package, or its class), else the one fewest edits away, if a quarter of its length or fewer.
     */
    static Optional<String> nearest(String given, Collection<String> functions, String separator) {
        List<String> ending = functions.stream()
                .filter(function -> function.endsWith(separator + given))
                .toList();
        if (ending.size() == 1) {
            return Optional.of(ending.get(0));
        }
        String best = null;
        int fewest = Integer.MAX_VALUE;
        for (String function : functions) {
            int edits = edits(given, function);
            if (edits < fewest || (edits == fewest && function.compareTo(best) < 0)) {
                best = function;
                fewest = edits;
            }
        }
        return best != null && fewest <= given.length() / 4 ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: the fewest characters inserted, removed or replaced to make {@code a} into {@code b}. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
