package org.d8a.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;

/** For tests: configuration read by the MicroProfile Config implementation WildFly ships. */
public final class TestConfig {

    private TestConfig() {
    }

    /** The given keys alone. */
    public static ConfigReader of(Map<String, String> values) {
        return new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .build());
    }

    /** A d8a YAML file, as the container reads it. */
    public static ConfigReader yaml(Path file) {
        return new ConfigReader(new SmallRyeConfigBuilder().withSources(new YamlConfigSource(file)).build());
    }
}
