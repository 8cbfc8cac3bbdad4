package org.d8a.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The reference's keys (spec/pipeline.md §7.2, spec/warehouses.md) that are accepted here without effect, each with
 * the reason: keys of the Go process that WildFly does its own way, and keys of features not built yet. A reference
 * user can bring a configuration unchanged: each such key that is set gets one warning at deployment, never an error.
 * A value that selects a feature that does not exist (a {@code warehouse.files.storage} other than filesystem, s3 or
 * gcs) is refused by the area that reads it. Warnings name keys, never values.
 */
public final class IgnoredKeys {

    private static final String QUEUED_IN_ARTEMIS = "hits are queued in the server's Artemis broker (a remote broker "
            + "is configured in WildFly's messaging subsystem)";

    private static final Map<String, String> REASONS = reasons();

    private IgnoredKeys() {
    }

    /** A key that is set but has no effect, and why. */
    public record Warning(String key, String reason) {

        public String message() {
            return key + " " + reason + " (docs/configuration.md)";
        }
    }

    /** One warning for each ignored key that a source sets, in the order of the spec's tables. */
    public static List<Warning> warnings(ConfigReader config) {
        List<String> names = StreamSupport.stream(config.propertyNames().spliterator(), false).toList();
        List<Warning> warnings = new ArrayList<>();
        REASONS.forEach((key, reason) -> {
            // lists of objects are set as indexed keys, such as list[0].field
            if (config.isSet(key) || names.stream().anyMatch(name -> name.startsWith(key + "["))) {
                warnings.add(new Warning(key, reason));
            }
        });
        return warnings;
    }

    private static Map<String, String> reasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        noMeaning(reasons, "logging is WildFly's: set the level of the org.d8a category in its logging subsystem",
                "debug", "trace");
        noMeaning(reasons, "WildFly listens for HTTP: set its http socket binding (jboss.bind.address, "
                + "jboss.http.port)", "server.host", "server.port");
        noMeaning(reasons, "the receiver batches hits into queue messages by receiver.publish_window and "
                + "receiver.publish_max_hits", "receiver.batch_size", "receiver.batch_timeout");
        noMeaning(reasons, "the receiver answers once its hits are durably queued in the server's Artemis broker, "
                + "with no batching store of its own", "receiver.batching_backend");
        noMeaning(reasons, "proto-sessions and the timing wheel are kept in the server's datasource, not in BoltDB "
                + "files", "storage.bolt_directory");
        noMeaning(reasons, QUEUED_IN_ARTEMIS, "storage.queue_directory");
        noMeaning(reasons, "delivery.mode chooses the spool: at_least_once uses the persistent spool, best_effort "
                + "falls back to it, disabled writes directly", "storage.spool_enabled");
        noMeaning(reasons, "the session buffer of delivery.mode best_effort is bounded by "
                + "delivery.best_effort.max_sessions and delivery.best_effort.max_age",
                "storage.spool_write_chan_buffer");
        noMeaning(reasons, QUEUED_IN_ARTEMIS, "queue.backend", "queue.object_storage.min_interval",
                "queue.object_storage.max_interval", "queue.object_storage.interval_exp_factor",
                "queue.object_storage.max_items_to_read_at_once", "queue.object_storage.type",
                "queue.object_storage.prefix", "queue.object_storage.s3.host", "queue.object_storage.s3.port",
                "queue.object_storage.s3.bucket", "queue.object_storage.s3.access_key",
                "queue.object_storage.s3.secret_key", "queue.object_storage.s3.region",
                "queue.object_storage.s3.protocol", "queue.object_storage.s3.create_bucket",
                "queue.object_storage.s3.disable_upload_checksums", "queue.object_storage.gcs.bucket",
                "queue.object_storage.gcs.project", "queue.object_storage.gcs.creds_json");
        notBuilt(reasons, "downloading the geo database (put the .mmdb file in dbip.destination_directory)",
                "dbip.download_timeout", "dbip.refresh_interval");
        noMeaning(reasons, "metrics are WildFly's: configure its micrometer or opentelemetry subsystem",
                "monitoring.enabled", "monitoring.otel_endpoint", "monitoring.otel_export_interval",
                "monitoring.otel_insecure");
        noMeaning(reasons, "no usage pings are sent", "telemetry.url");
        noMeaning(reasons, "warehouse.files.storage chooses the destination; the reference does not read it either",
                "warehouse.files.type");
        noMeaning(reasons, "bucket names are global, so an upload to warehouse.files.gcs.bucket names no project; "
                + "the reference does not read it either", "warehouse.files.gcs.project");
        return reasons;
    }

    private static void noMeaning(Map<String, String> reasons, String why, String... keys) {
        for (String key : keys) {
            reasons.put(key, "has no meaning here: " + why);
        }
    }

    private static void notBuilt(Map<String, String> reasons, String feature, String... keys) {
        for (String key : keys) {
            reasons.put(key, "has no effect yet: " + feature + " is not built");
        }
    }
}
