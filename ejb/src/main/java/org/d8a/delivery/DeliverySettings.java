package org.d8a.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.d8a.config.ConfigReader;

/** How closed sessions reach the warehouse: the delivery mode, its session buffer, the spool and the deliver job. */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    ConfigReader config;

    public DeliverySettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public DeliverySettings(ConfigReader config) {
        this.config = config;
    }

    /** {@code delivery.mode}: {@code at_least_once} (persistent spool), {@code best_effort} or {@code disabled}. */
    public String mode() {
        return config.string("delivery.mode", "at_least_once").toLowerCase(Locale.ROOT);
    }

    /** {@code delivery.best_effort.max_sessions}: the buffer writes a property's sessions once it holds this many. */
    public int bestEffortMaxSessions() {
        return config.integer("delivery.best_effort.max_sessions", 100);
    }

    /** {@code delivery.best_effort.max_age}: the buffer writes a property's sessions once the first is this old. */
    public Duration bestEffortMaxAge() {
        return config.duration("delivery.best_effort.max_age", "30s");
    }

    /** {@code storage.spool_max_failures}: failed deliveries after which a spooled session is quarantined. */
    public int spoolMaxFailures() {
        return config.integer("storage.spool_max_failures", 20);
    }

    /** {@code delivery.interval}: how often the deliver job is started while sessions are due. */
    public Duration interval() {
        return config.duration("delivery.interval", "2s");
    }

    /**
     * {@code delivery.sessions_topic}: the JNDI name of a JMS topic each delivered session is also published to; empty
     * (the default) publishes nothing.
     */
    public String sessionsTopic() {
        return config.string("delivery.sessions_topic", "").trim();
    }

    /** {@code delivery.chunk_size}: spooled sessions per chunk, one warehouse write and one transaction each. */
    public int chunkSize() {
        return config.integer("delivery.chunk_size", 500);
    }
}
