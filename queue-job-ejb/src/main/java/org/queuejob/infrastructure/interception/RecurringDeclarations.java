package org.queuejob.infrastructure.interception;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.queuejob.api.Job;
import org.queuejob.api.JobArgumentException;
import org.queuejob.api.Recurring;
import org.queuejob.domain.model.recurring.CronSchedule;
import org.queuejob.domain.model.recurring.InvalidScheduleException;
import org.queuejob.domain.model.recurring.MissedTicks;
import org.queuejob.infrastructure.config.ApplicationSettings;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.config.QueueJobSettingsCheck;
import org.queuejob.infrastructure.serialization.ArgumentCodec;
import org.queuejob.infrastructure.serialization.EntityReferences;
import org.queuejob.infrastructure.serialization.GivenArguments;
import org.queuejob.infrastructure.serialization.JpaEntityReferences;

/**
 * Finds every {@link Recurring} method while CDI discovers the beans, and refuses the deployment, naming the method,
 * when one cannot tick: not a {@code @Job} method, a malformed cron expression or unknown zone (from the annotation or
 * configuration), two declarations of one name, parameters without their arguments in configuration, or configured
 * arguments that do not fit the parameters (by {@link GivenArguments}, the API's rule). The records are written when
 * the application starts (RecurringJobService).
 */
public class RecurringDeclarations implements Extension {

    /** Configuration overrides of a declaration: {@code queue-job.recurring.<name>.cron} and so on. */
    public static final String PREFIX = "queue-job.recurring.";

    static final String NOT_A_JOB = "@Recurring method %s must also be a @Job method: a tick enqueues a job of it.";
    static final String BAD_SCHEDULE = "@Recurring on %s: %s";
    static final String NO_ARGUMENTS =
            "@Recurring method %s takes %d parameter(s): give its arguments as a JSON array in"
                    + " the configuration property %s (e.g. %s=[\"eu\"]).";
    static final String BAD_ARGUMENTS = "@Recurring method %s: the configuration property %s must be a JSON array of %d"
            + " value(s), one per parameter; it is %s";
    /** The setting, then the sentence of {@link GivenArguments}: which argument, and what it must be. */
    static final String ARGUMENTS_DO_NOT_FIT = "%s: %s";

    static final String UNKNOWN_OVERRIDE = "%s overrides no @Recurring job of this application: it would be ignored (a"
            + " setting is queue-job.recurring.<name>.cron, .zone, .enabled, .allow-overlap or .arguments, and %s)";

    /** What an override may set. */
    static final Set<String> KEYS = Set.of("cron", "zone", "enabled", "allow-overlap", "arguments");

    private static final Logger LOG = Logger.getLogger(RecurringDeclarations.class.getName());

    static final String DUPLICATE =
            "@Recurring name '%s' is declared twice (%s and %s): each recurring job needs a name" + " of its own.";

    private final Map<String, Method> methods = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Recurring> annotations = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private volatile List<RecurringDeclaration> declarations = List.of();

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> annotated :
                event.getAnnotatedBeanClass().getMethods()) {
            Recurring recurring = annotated.getAnnotation(Recurring.class);
            if (recurring == null) {
                continue;
            }
            Method method = annotated.getJavaMember();
            String function = JobFunction.nameOf(method);
            if (annotated.getAnnotation(Job.class) == null) {
                problems.add(String.format(NOT_A_JOB, function));
                continue;
            }
            String name =
                    recurring.name().isBlank() ? function : recurring.name().strip();
            Method previous = methods.putIfAbsent(name, method);
            if (previous != null && !previous.equals(method)) {
                problems.add(String.format(DUPLICATE, name, JobFunction.nameOf(previous), function));
                continue;
            }
            annotations.put(name, recurring);
        }
    }

    void check(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig();
        List<RecurringDeclaration> checked = new ArrayList<>();
        try (DeploymentCodec codec = new DeploymentCodec(config)) {
            synchronized (methods) {
                methods.forEach((name, method) -> {
                    try {
                        RecurringDeclaration declaration = declaration(config, name, method, annotations.get(name));
                        checkArguments(declaration, codec);
                        checked.add(declaration);
                    } catch (IllegalArgumentException e) {
                        problems.add(e.getMessage());
                    }
                });
            }
        }
        Set<String> names;
        synchronized (methods) {
            names = Set.copyOf(methods.keySet());
        }
        Set<String> own = ApplicationSettings.names(Thread.currentThread().getContextClassLoader());
        for (String unknown : unknownOverrides(config, names)) {
            if (own.contains(unknown)) {
                problems.add(String.format(UNKNOWN_OVERRIDE, unknown, declared(names)));
            } else {
                LOG.warning(
                        String.format(UNKNOWN_OVERRIDE, unknown, declared(names)) + ApplicationSettings.SERVER_WIDE);
            }
        }
        problems.forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
        declarations = List.copyOf(checked);
    }

    /**
     * The overrides {@code queue-job.recurring.<name>.<key>} (in their dotted form) that would be ignored: of a name
     * no {@code @Recurring} method of {@code names} has, or a key other than cron, zone, enabled, allow-overlap and
     * arguments. A record made in the back office has no overrides: its staff edit it there.
     */
    static List<String> unknownOverrides(Config config, Set<String> names) {
        List<String> unknown = new ArrayList<>();
        for (String property : config.getPropertyNames()) {
            if (!property.startsWith(PREFIX)
                    || config.getOptionalValue(property, String.class).isEmpty()) {
                continue;
            }
            String rest = property.substring(PREFIX.length());
            int dot = rest.lastIndexOf('.');
            if (dot <= 0 || !KEYS.contains(rest.substring(dot + 1)) || !names.contains(rest.substring(0, dot))) {
                unknown.add(property);
            }
        }
        Collections.sort(unknown);
        return unknown;
    }

    private static String declared(Set<String> names) {
        return names.isEmpty()
                ? "it declares none"
                : "its recurring jobs are " + String.join(", ", new TreeSet<>(names));
    }

    static RecurringDeclaration declaration(Config config, String name, Method method, Recurring recurring) {
        String function = JobFunction.nameOf(method);
        String cron =
                config.getOptionalValue(PREFIX + name + ".cron", String.class).orElse(recurring.cron());
        String zone =
                config.getOptionalValue(PREFIX + name + ".zone", String.class).orElse(recurring.zone());
        // Read as text and parsed strictly: the container's Boolean converter would read "ture" as false, and the
        // recurring job would be disabled at every deployment without a word.
        String enabledSetting = PREFIX + name + ".enabled";
        Boolean configuredEnabled = config.getOptionalValue(enabledSetting, String.class)
                .map(value -> QueueJobSettingsCheck.bool(enabledSetting, value))
                .orElse(null);
        boolean enabled = configuredEnabled == null ? recurring.enabled() : configuredEnabled;
        // Strictly too: read by the container's converter, "ture" would skip every tick that finds its previous run
        // going on, where overlapping runs were asked for.
        String overlapSetting = PREFIX + name + ".allow-overlap";
        boolean allowOverlap = config.getOptionalValue(overlapSetting, String.class)
                .map(value -> QueueJobSettingsCheck.bool(overlapSetting, value))
                .orElse(recurring.allowOverlap());
        try {
            CronSchedule.parse(cron, zone);
        } catch (InvalidScheduleException e) {
            throw new IllegalArgumentException(String.format(BAD_SCHEDULE, function, e.getMessage()), e);
        }
        String arguments = arguments(config, name, method);
        return new RecurringDeclaration(
                name,
                cron.strip(),
                zone.strip(),
                MissedTicks.valueOf(recurring.missed().name()),
                allowOverlap,
                enabled,
                configuredEnabled,
                function,
                arguments,
                method);
    }

    private static String arguments(Config config, String name, Method method) {
        String key = argumentsKey(name);
        int parameters = method.getParameterCount();
        String json = config.getOptionalValue(key, String.class).orElse(null);
        if (json == null || json.isBlank()) {
            if (parameters > 0) {
                throw new IllegalArgumentException(
                        String.format(NO_ARGUMENTS, JobFunction.nameOf(method), parameters, key, key));
            }
            return "[]";
        }
        JsonArray array;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            array = reader.readArray();
        } catch (JsonParsingException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    String.format(BAD_ARGUMENTS, JobFunction.nameOf(method), key, parameters, "not one: " + json), e);
        }
        if (array.size() != parameters) {
            throw new IllegalArgumentException(String.format(
                    BAD_ARGUMENTS, JobFunction.nameOf(method), key, parameters, array.size() + " value(s): " + json));
        }
        return array.toString();
    }

    /**
     * Refuses configured arguments that do not fit the method's parameters, by the rule the API and the back office
     * apply to arguments given as JSON: here, so that the deployment fails with a sentence naming the setting, and not
     * later in the scheduler's start, where the container reports only that a singleton failed to start.
     *
     * <p>A method with a JPA entity parameter is left to that later check: its argument is read from the database,
     * which no extension can reach. So is every method when {@code codec} has none (JSON-B could not be started).
     *
     * @throws IllegalArgumentException naming the setting, the argument and what it must be
     */
    static void checkArguments(RecurringDeclaration declaration, Supplier<ArgumentCodec> codec) {
        Method method = declaration.method();
        if (method.getParameterCount() == 0
                || Arrays.stream(method.getParameterTypes()).anyMatch(JpaEntityReferences::isEntityClass)) {
            return;
        }
        ArgumentCodec checking = codec.get();
        if (checking == null) {
            return;
        }
        try {
            GivenArguments.read(checking, declaration.jobFunction(), method, declaration.argumentsJson());
        } catch (JobArgumentException e) {
            throw new IllegalArgumentException(
                    String.format(ARGUMENTS_DO_NOT_FIT, argumentsKey(declaration.name()), e.getMessage()), e);
        }
    }

    /** The setting of the recurring job {@code name}'s arguments. */
    public static String argumentsKey(String name) {
        return PREFIX + name + ".arguments";
    }

    /**
     * The argument codec, as the application's ({@code ArgumentCodecProducer}), for the check at deployment: JSON-B
     * instances are costly, so they are made at the first method with parameters, and closed after the check. It
     * knows entity types, but looks none up (see {@link #checkArguments}).
     */
    static final class DeploymentCodec implements Supplier<ArgumentCodec>, AutoCloseable {

        private static final EntityReferences NOT_AT_DEPLOYMENT = new EntityReferences() {
            @Override
            public boolean isEntity(Class<?> type) {
                return JpaEntityReferences.isEntityClass(type);
            }

            @Override
            public Object idOf(Object entity) {
                throw notAtDeployment();
            }

            @Override
            public Class<?> idType(Class<?> entityType) {
                throw notAtDeployment();
            }

            @Override
            public Object load(Class<?> entityType, Object id) {
                throw notAtDeployment();
            }

            private IllegalStateException notAtDeployment() {
                return new IllegalStateException("Entities cannot be looked up while the application deploys.");
            }
        };

        private final int maxBytes;
        private Jsonb jsonb;
        private Jsonb probe;
        private ArgumentCodec codec;
        private boolean unavailable;

        DeploymentCodec(Config config) {
            this.maxBytes = maxArgumentsBytes(config);
        }

        /** The setting's limit; none when it is not a number (QueueJobSettingsCheck refuses it then). */
        private static int maxArgumentsBytes(Config config) {
            String value = config.getOptionalValue(QueueJobSettings.MAX_ARGUMENTS_BYTES, String.class)
                    .orElse(QueueJobSettings.DEFAULT_MAX_ARGUMENTS_BYTES);
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }

        /** The codec; null when JSON-B cannot be started here, for the start's own check to report instead. */
        @Override
        public ArgumentCodec get() {
            if (codec == null && !unavailable) {
                try {
                    jsonb = JsonbBuilder.create();
                    probe = JsonbBuilder.create(ArgumentCodec.probeConfig());
                    codec = new ArgumentCodec(jsonb, probe, NOT_AT_DEPLOYMENT, maxBytes);
                } catch (RuntimeException e) {
                    // An early check is not worth failing a deployment the start's own check would pass.
                    unavailable = true;
                    LOG.log(
                            Level.WARNING,
                            "The configured arguments of recurring jobs are checked when the scheduler starts:"
                                    + " JSON-B could not be started while the application deploys",
                            e);
                }
            }
            return codec;
        }

        @Override
        public void close() {
            for (Jsonb instance : new Jsonb[] {jsonb, probe}) {
                if (instance != null) {
                    try {
                        instance.close();
                    } catch (Exception e) {
                        LOG.log(Level.FINE, "Could not close the JSON-B instance of the recurring jobs' check", e);
                    }
                }
            }
        }
    }

    /** The declarations of this deployment, checked; empty before the deployment is validated. */
    public List<RecurringDeclaration> all() {
        return declarations;
    }
}
