package org.d8a.config;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** For tests: the values of a d8a.yaml, converted the way MicroProfile Config converts the types D8aConfig asks for. */
public record MapConfig(Map<String, String> values) implements Config {

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (type == Boolean.class) {
            return Optional.of(type.cast(Boolean.valueOf(value)));
        }
        if (type == String.class) {
            return Optional.of(type.cast(value));
        }
        throw new IllegalArgumentException("no converter for " + type);
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException();
    }
}
