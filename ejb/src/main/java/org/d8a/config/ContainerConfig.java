package org.d8a.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives every area the configuration the container built for this module: WildFly's sources (system properties,
 * environment, the {@code microprofile-config-smallrye} subsystem) and the d8a YAML file that
 * {@link YamlConfigSourceProvider} adds to them.
 */
@ApplicationScoped
public class ContainerConfig {

    /**
     * Taken for this module's class loader rather than through {@code @Inject Config}, which answers for the thread's
     * context class loader: a bean first used by a request would read the web module's configuration.
     */
    @Produces
    ConfigReader reader() {
        return new ConfigReader(ConfigProvider.getConfig(ContainerConfig.class.getClassLoader()));
    }
}
