package org.d8a.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.d8a.config.ConfigReader;

/** The hits queue's keys: how many partitions it has, and how the receiver batches hits into its messages. */
@ApplicationScoped
public class QueueSettings {

    @Inject
    ConfigReader config;

    public QueueSettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public QueueSettings(ConfigReader config) {
        this.config = config;
    }

    /** {@code queue.partitions}: the number of message groups the hits queue is partitioned into (decision 2). */
    public int partitions() {
        return config.integer("queue.partitions", 64);
    }

    /**
     * {@code queue.consumers}: how many consumers append the queue's hits to proto-sessions at once (each serves the
     * partitions Artemis pins to it).
     */
    public int consumers() {
        return config.integer("queue.consumers", 8);
    }

    /** {@code receiver.publish_window}: how long the hits of one partition are collected into a single message. */
    public Duration publishWindow() {
        return config.duration("receiver.publish_window", "2ms");
    }

    /** {@code receiver.publish_max_hits}: a partition's message is sent at this many hits, window or not. */
    public int publishMaxHits() {
        return config.integer("receiver.publish_max_hits", 500);
    }
}
