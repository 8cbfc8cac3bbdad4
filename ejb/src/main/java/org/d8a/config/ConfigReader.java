package org.d8a.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/**
 * Reads configuration keys as the types the areas need, with the reference's defaults given by the caller, and fails
 * with a message that names the key and the value, so that a wrong setting stops the deployment with what to fix.
 * Values are trimmed, except by {@link #value}.
 */
public final class ConfigReader {

    private final Config config;

    public ConfigReader(Config config) {
        this.config = config;
    }

    /** Every key of every source, for lists of objects ({@code filters.conditions[0].name}, {@code properties[..]}). */
    public Iterable<String> propertyNames() {
        return config.getPropertyNames();
    }

    /** The value as it is set, spaces and all (a password keeps them); empty when the key is unset or empty. */
    public Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class);
    }

    /** The trimmed value; empty when the key is unset or blank. */
    public Optional<String> optional(String key) {
        return value(key).map(String::trim).filter(text -> !text.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return value(key).map(String::trim).orElse(defaultValue);
    }

    /**
     * A value where empty means something of its own (no PARTITION BY, a refused table name): MicroProfile Config
     * reads an empty value as a missing one and would bring the default back, so the raw value decides.
     */
    public String rawString(String key, String defaultValue) {
        String raw = config.getConfigValue(key).getRawValue();
        return raw == null ? defaultValue : raw.trim();
    }

    /** Whether any source sets the key, even to an empty value. */
    public boolean isSet(String key) {
        return config.getConfigValue(key).getRawValue() != null;
    }

    /** A comma-separated list (a YAML list of scalars reads as one); empty entries are dropped. */
    public List<String> list(String key) {
        return value(key).map(ConfigReader::split).orElse(List.of());
    }

    public int integer(String key, int defaultValue) {
        String value = string(key, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration key " + key + " must be an integer, got \"" + value + "\"");
        }
    }

    /** A duration in Go syntax ({@code 500ms}, {@code 30m}), as every d8a configuration file has them. */
    public Duration duration(String key, String defaultValue) {
        String value = string(key, defaultValue);
        try {
            return GoDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("configuration key " + key + ": " + e.getMessage());
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        String value = string(key, Boolean.toString(defaultValue)).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException("configuration key " + key + " must be true or false, got \""
                    + value + "\"");
        };
    }

    /** The d8a YAML file among the sources, if it is registered. */
    Optional<YamlConfigSource> yamlFile() {
        return StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .filter(YamlConfigSource.class::isInstance).map(YamlConfigSource.class::cast).findFirst();
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
