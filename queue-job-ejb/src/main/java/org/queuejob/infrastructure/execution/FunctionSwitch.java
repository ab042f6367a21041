package org.queuejob.infrastructure.execution;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * A setting that is true or false, for every job function ({@code name}) and for one ({@code name.<job function>},
 * which wins): whether the queue may interrupt a job's thread at its timeout, or when the job is taken from its run.
 * Only {@code true} and {@code false} are accepted (any case, spaces around): a "yes" or an empty value fails the
 * deployment naming the setting, rather than counting as false.
 */
record FunctionSwitch(String name, boolean byDefault, Map<String, Boolean> perFunction) {

    FunctionSwitch {
        perFunction = Map.copyOf(perFunction);
    }

    /** The switch as {@code config} sets it, {@code unset} where it does not. */
    static FunctionSwitch read(Config config, String name, boolean unset) {
        return of(
                name, unset, config.getOptionalValue(name, String.class).orElse(null), valuesPerFunction(config, name));
    }

    /** The switch from its values as written: {@code defaultValue} ({@code null}: {@code unset}) and per function. */
    static FunctionSwitch of(String name, boolean unset, String defaultValue, Map<String, String> functions) {
        boolean byDefault = defaultValue == null ? unset : bool(name, defaultValue);
        Map<String, Boolean> parsed = new HashMap<>();
        functions.forEach((function, value) -> parsed.put(function, bool(name + "." + function, value)));
        return new FunctionSwitch(name, byDefault, parsed);
    }

    boolean isOn(String jobFunction) {
        return perFunction.getOrDefault(jobFunction, byDefault);
    }

    /** The setting that decides for {@code jobFunction}, as a message names it. */
    String settingFor(String jobFunction) {
        return perFunction.containsKey(jobFunction) ? name + "." + jobFunction : name;
    }

    /** The values of the settings named {@code name} and a job function, by job function. */
    static Map<String, String> valuesPerFunction(Config config, String name) {
        String prefix = name + ".";
        Map<String, String> functions = new HashMap<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(prefix) && property.length() > prefix.length()) {
                config.getOptionalValue(property, String.class)
                        .ifPresent(value -> functions.put(property.substring(prefix.length()), value));
            }
        }
        return functions;
    }

    static boolean bool(String name, String value) {
        String given = value.strip();
        if (given.equalsIgnoreCase("true") || given.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(given);
        }
        throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
    }
}
