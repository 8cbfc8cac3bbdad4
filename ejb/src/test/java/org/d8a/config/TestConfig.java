package org.d8a.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** For tests: D8aConfig over the given keys, read by the MicroProfile Config implementation WildFly ships. */
public final class TestConfig {

    private TestConfig() {
    }

    public static D8aConfig of(Map<String, String> values) {
        return new D8aConfig(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .build());
    }
}
