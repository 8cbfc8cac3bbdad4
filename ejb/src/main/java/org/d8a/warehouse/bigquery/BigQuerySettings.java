package org.d8a.warehouse.bigquery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.d8a.config.ConfigReader;

/**
 * The keys of {@code warehouse.driver: bigquery} (spec/warehouses.md §3.1), with our additions: Application Default
 * Credentials when {@code creds_json} is empty, the Storage Write API's stream type, and endpoints for an emulator or
 * a private endpoint.
 */
@ApplicationScoped
public class BigQuerySettings {

    private static final Set<String> INTERVALS = Set.of("HOUR", "DAY", "MONTH", "YEAR");

    @Inject
    ConfigReader config;

    public BigQuerySettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public BigQuerySettings(ConfigReader config) {
        this.config = config;
    }

    public String projectId() {
        return required("warehouse.bigquery.project_id");
    }

    /** The dataset the tables live in; it must exist (d8a creates tables, not datasets). */
    public String datasetName() {
        return required("warehouse.bigquery.dataset_name");
    }

    /** Service-account JSON, base64 of it, or a key file's path; empty for Application Default Credentials. */
    public String credsJson() {
        return config.value("warehouse.bigquery.creds_json").orElse("");
    }

    public WriterType writerType() {
        return WriterType.parse(config.string("warehouse.bigquery.writer_type", "loadjob"));
    }

    /** The Storage Write API stream of the streaming writer: {@code pending} (default) or {@code committed}. */
    public StreamType streamType() {
        return StreamType.parse(config.string("warehouse.bigquery.stream_type", "pending"));
    }

    /** Limit of each metadata call and each write. */
    public Duration queryTimeout() {
        return positive("warehouse.bigquery.query_timeout", "30s");
    }

    /** How long a new table may take to become readable. */
    public Duration tableCreationTimeout() {
        return positive("warehouse.bigquery.table_creation_timeout", "10s");
    }

    /** The column new tables are partitioned by; empty for none. */
    public String partitionField() {
        return config.rawString("warehouse.bigquery.partition_field", "date_utc").trim();
    }

    /** HOUR, DAY (default, also for an empty value), MONTH or YEAR. */
    public String partitionInterval() {
        String interval = config.string("warehouse.bigquery.partition_interval", "DAY").toUpperCase(Locale.ROOT);
        if (interval.isEmpty()) {
            return "DAY";
        }
        if (!INTERVALS.contains(interval)) {
            throw new IllegalStateException("warehouse.bigquery.partition_interval " + interval
                    + " is not supported; use HOUR, DAY, MONTH or YEAR");
        }
        return interval;
    }

    /** Days a partition is kept; 0 keeps them forever. */
    public int partitionExpirationDays() {
        int days = config.integer("warehouse.bigquery.partition_expiration_days", 0);
        if (days < 0) {
            throw new IllegalStateException("warehouse.bigquery.partition_expiration_days must not be negative, got "
                    + days);
        }
        return days;
    }

    /**
     * The REST API's root URL, e.g. {@code http://127.0.0.1:9050} for an emulator; empty for Google's. A plain
     * {@code http} endpoint is an emulator's (Google serves its APIs over TLS only): it gets no credentials.
     */
    public String endpoint() {
        return config.string("warehouse.bigquery.endpoint", "");
    }

    /** The Storage Write API's {@code host:port}; empty for Google's. Plaintext when {@link #endpoint()} is http. */
    public String storageEndpoint() {
        return config.string("warehouse.bigquery.storage_endpoint", "");
    }

    /** Whether the endpoints are an emulator's: plain HTTP, no credentials. */
    public boolean emulator() {
        return endpoint().startsWith("http://");
    }

    private Duration positive(String key, String defaultValue) {
        Duration duration = config.duration(key, defaultValue);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalStateException(key + " must be positive, got " + duration);
        }
        return duration;
    }

    private String required(String key) {
        String value = config.string(key, "");
        if (value.isEmpty()) {
            throw new IllegalStateException(key + " is required with warehouse.driver bigquery");
        }
        return value;
    }
}
