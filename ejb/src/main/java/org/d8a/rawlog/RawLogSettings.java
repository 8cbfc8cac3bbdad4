package org.d8a.rawlog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.d8a.config.ConfigReader;

/** The raw log's keys ({@code receiver.raw_log*}, ours): whether accepted requests are logged for replay, and where. */
@ApplicationScoped
public class RawLogSettings {

    @Inject
    ConfigReader config;

    public RawLogSettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public RawLogSettings(ConfigReader config) {
        this.config = config;
    }

    /** {@code receiver.raw_log}: whether the receiver keeps a raw log of accepted requests for the replay job. */
    public boolean enabled() {
        return config.bool("receiver.raw_log", false);
    }

    /** {@code receiver.raw_log_directory}, default {@code ${jboss.server.data.dir}/d8a/raw-log}. */
    public Path directory() {
        return Path.of(config.string("receiver.raw_log_directory",
                System.getProperty("jboss.server.data.dir", ".") + "/d8a/raw-log"));
    }

    /** {@code receiver.raw_log_max_bytes}: the size after which the raw log continues in a new file. */
    public long maxBytes() {
        return config.integer("receiver.raw_log_max_bytes", 64 * 1024 * 1024);
    }
}
