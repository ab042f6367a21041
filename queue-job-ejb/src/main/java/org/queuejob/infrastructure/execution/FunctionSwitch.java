package org.queuejob.infrastructure.execution;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.queuejob.infrastructure.config.QueueJobSettingsCheck;

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

    /**
     * The switch as {@code config} sets it, {@code unset} where it does not; per function for the job functions
     * {@code functions}, in the dotted or the environment form ({@link PerFunctionSettings}).
     */
    static FunctionSwitch read(Config config, String name, boolean unset, Collection<String> functions) {
        return of(
                name,
                unset,
                config.getOptionalValue(name, String.class).orElse(null),
                PerFunctionSettings.values(config, name, functions));
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

    /** Read as every other switch of the queue is, so that they all take and refuse the same words. */
    private static boolean bool(String name, String value) {
        return QueueJobSettingsCheck.bool(name, value);
    }
}
