package org.d8a.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The d8a YAML file as a MicroProfile config source: nested keys become dotted keys ({@code sessions: {timeout: 10s}}
 * is {@code sessions.timeout}), lists of scalars become comma-separated values, lists of mappings become indexed keys
 * ({@code ga4: {params: [{name: x}]}} is {@code ga4.params[0].name}). Its ordinal sits below environment
 * variables and system properties, so both override the file as the reference's flags and variables do.
 */
public class YamlConfigSource implements ConfigSource {

    static final int ORDINAL = 250;

    private final Path file;
    private final boolean found;
    private final Map<String, String> properties;

    public YamlConfigSource(Path file) {
        this.file = file;
        this.found = Files.isRegularFile(file);
        this.properties = found ? load(file) : Map.of();
    }

    private static Map<String, String> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<String, String> flat = new LinkedHashMap<>();
            if (root instanceof Map<?, ?> map) {
                flatten("", map, flat);
            } else if (root != null) {
                throw new IllegalStateException("configuration file " + file + " must hold a mapping of keys");
            }
            return Collections.unmodifiableMap(flat);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, into);
            } else if (value instanceof List<?> list && list.stream().anyMatch(Map.class::isInstance)) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Map<?, ?> element) {
                        flatten(key + "[" + i + "].", element, into);
                    }
                }
            } else if (value instanceof List<?> list) {
                into.put(key, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
            } else if (value != null) {
                into.put(key, String.valueOf(value));
            }
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "d8a YAML " + file;
    }

    public Path file() {
        return file;
    }

    /** Whether the file exists; a missing one is no error, and leaves defaults, environment and system properties. */
    public boolean found() {
        return found;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
