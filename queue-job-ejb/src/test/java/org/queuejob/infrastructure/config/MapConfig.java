package org.queuejob.infrastructure.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A configuration of the given properties, read as text, for tests without a MicroProfile Config implementation. It
 * finds a property only under the name it was given, as an implementation's environment source lists an environment
 * variable, without mapping a dotted name to an environment name: what the queue reads from the environment, it must
 * find by the listed name. An empty value is no value, as the specification says.
 */
public final class MapConfig implements Config {

    private final Map<String, String> properties;

    private MapConfig(Map<String, String> properties) {
        this.properties = properties;
    }

    /** The properties, name then value, in this order. */
    public static MapConfig of(String... namesAndValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new MapConfig(properties);
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        if (propertyType != String.class) {
            throw new UnsupportedOperationException("Only text is read here, got " + propertyType);
        }
        return Optional.ofNullable(properties.get(propertyName))
                .filter(value -> !value.isEmpty())
                .map(propertyType::cast);
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType).orElseThrow(() -> new NoSuchElementException(propertyName));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return List.copyOf(properties.keySet());
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("Nothing to unwrap to " + type);
    }
}
