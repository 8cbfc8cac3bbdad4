package org.d8a.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Says once per deployment which configuration file was read, and warns about every key that is set but has no effect
 * ({@link IgnoredKeys}), so that no setting of a reference configuration is silently ignored.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConfigurationReport {

    private static final Logger LOG = Logger.getLogger(ConfigurationReport.class.getName());

    @Inject
    ConfigReader config;

    @PostConstruct
    void report() {
        config.yamlFile().ifPresentOrElse(file -> LOG.info(() -> file.found()
                ? "configuration file " + file.file() + ": " + file.getPropertyNames().size() + " keys"
                : "no configuration file " + file.file() + ": defaults, environment variables and system properties"),
                () -> LOG.warning("the d8a YAML file is not among the configuration sources: only WildFly's are read"));
        IgnoredKeys.warnings(config).forEach(warning -> LOG.warning(warning.message()));
    }
}
