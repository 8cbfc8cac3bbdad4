package org.d8a.config;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Adds the d8a YAML file to the configuration the container builds for this deployment (registered in
 * {@code META-INF/services}), so that the file sits among WildFly's own sources: system properties set in the console
 * or the CLI and the {@code microprofile-config-smallrye} subsystem's sources read the same keys and override the file
 * by their ordinals. The file is named by the {@code d8a.config} system property, default
 * {@code ${jboss.server.config.dir}/d8a.yaml}; a missing file is fine, as in the reference.
 */
public class YamlConfigSourceProvider implements ConfigSourceProvider {

    /** System property naming the YAML configuration file. */
    public static final String CONFIG_FILE_PROPERTY = "d8a.config";

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
        return List.of(new YamlConfigSource(file()));
    }

    static Path file() {
        return Path.of(System.getProperty(CONFIG_FILE_PROPERTY,
                System.getProperty("jboss.server.config.dir", ".") + "/d8a.yaml"));
    }
}
