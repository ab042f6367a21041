package org.queuejob.infrastructure.context;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.api.JobContextValue;

/**
 * Captures the allow-listed context values at enqueue (a small JSON object stored with the job) and restores them
 * around the job's run. The allow-list is the set of {@link JobContextValue} beans, an application's replacing a
 * built-in one of the same key; a stored key no bean knows any more is ignored.
 */
@ApplicationScoped
public class ContextValues {

    private static final Logger LOG = Logger.getLogger(ContextValues.class.getName());

    /** Looked up once: the provider lookup walks the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** How many distinct stored contexts are kept parsed (see {@link #parsed}). */
    private static final int PARSED_KEPT = 1_000;

    /** Injected once: {@code CDI.current()} walks the caller's stack on Payara, on every call. */
    @Inject
    BeanManager beanManager;

    @Inject
    ContextValueBeans found;

    private Map<String, JobContextValue> byKey;

    /**
     * Stored values parsed before, by their JSON text: jobs mostly carry one of a few contexts (the users who enqueue
     * them), and parsing the same text for every job was 4 % of a worker's CPU in the benchmark. Bounded: emptied when
     * full, so a stream of distinct contexts costs a parse each, as without it.
     */
    private final Map<String, Map<String, String>> parsed = new ConcurrentHashMap<>();

    /**
     * References are made from the beans the extension saw: a bean of a WAR is not visible to this jar by
     * injection, but its {@code Bean} can still make it.
     */
    @PostConstruct
    void collect() {
        Map<String, JobContextValue> values = new LinkedHashMap<>();
        for (Bean<?> bean : found.beans()) {
            JobContextValue value = (JobContextValue)
                    beanManager.getReference(bean, JobContextValue.class, beanManager.createCreationalContext(bean));
            JobContextValue previous = values.get(value.key());
            if (previous == null || previous instanceof BuiltInContextValue) {
                values.put(value.key(), value);
            } else if (!(value instanceof BuiltInContextValue)) {
                LOG.warning(() -> "Two JobContextValue beans have the key '" + value.key() + "'; using "
                        + previous.getClass().getName());
            }
        }
        byKey = Collections.unmodifiableMap(values);
    }

    /** The caller's values as a JSON object, or null when none has a value. */
    public String capture() {
        JsonObjectBuilder captured = null;
        for (JobContextValue value : byKey.values()) {
            String text = value.capture().orElse(null);
            if (text != null) {
                captured = captured == null ? JSON.createObjectBuilder() : captured;
                captured.add(value.key(), text);
            }
        }
        return captured == null ? null : captured.build().toString();
    }

    /** Parses stored values, keeping only allow-listed keys. */
    public Map<String, String> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, String> known = parsed.get(json);
        if (known != null) {
            return known;
        }
        if (parsed.size() >= PARSED_KEPT) {
            parsed.clear();
        }
        Map<String, String> values = parse(json);
        parsed.put(json, values);
        return values;
    }

    private Map<String, String> parse(String json) {
        JsonObject object;
        try (var reader = JSON.createReader(new StringReader(json))) {
            object = reader.readObject();
        }
        Map<String, String> values = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            if (byKey.containsKey(key) && value.getValueType() == JsonValue.ValueType.STRING) {
                values.put(key, ((JsonString) value).getString());
            }
        });
        return Collections.unmodifiableMap(values);
    }

    /** Restores each value; returns what must be cleared afterwards, in reverse order. */
    public List<JobContextValue> restore(Map<String, String> values) {
        List<JobContextValue> restored = new ArrayList<>();
        values.forEach((key, text) -> {
            JobContextValue value = byKey.get(key);
            value.restore(text);
            restored.add(0, value);
        });
        return restored;
    }

    public void clear(List<JobContextValue> restored) {
        for (JobContextValue value : restored) {
            try {
                value.clear();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not clear context value " + value.key(), e);
            }
        }
    }
}
