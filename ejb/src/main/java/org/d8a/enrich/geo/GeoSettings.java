package org.d8a.enrich.geo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.d8a.config.ConfigReader;

/**
 * The geo lookup's keys ({@code dbip.enabled}, {@code dbip.destination_directory}; spec §6.2): whether addresses are
 * located, and the directory the operator puts the {@code .mmdb} files in. The reference's download keys
 * ({@code dbip.refresh_interval}, {@code dbip.download_timeout}) are not read: nothing here downloads the database.
 */
@ApplicationScoped
public class GeoSettings {

    @Inject
    ConfigReader config;

    public GeoSettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public GeoSettings(ConfigReader config) {
        this.config = config;
    }

    /** {@code dbip.enabled}: when false no address is located and every geo column is null. */
    public boolean enabled() {
        return config.bool("dbip.enabled", false);
    }

    /** {@code dbip.destination_directory}, default {@code ${jboss.server.data.dir}/d8a/dbip} (reference: ./dbip). */
    public Path directory() {
        return Path.of(config.string("dbip.destination_directory",
                System.getProperty("jboss.server.data.dir", ".") + "/d8a/dbip"));
    }
}
