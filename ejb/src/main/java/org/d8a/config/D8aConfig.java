package org.d8a.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * Every configuration key the product reads, in one place. Keys are the reference's YAML keys; values come, highest
 * priority first, from system properties, environment variables ({@code SESSIONS_TIMEOUT} for
 * {@code sessions.timeout}, the MicroProfile rule) and the d8a YAML file named by the {@code d8a.config} system
 * property (default {@code ${jboss.server.config.dir}/d8a.yaml}).
 */
@ApplicationScoped
public class D8aConfig {

    /** System property naming the YAML configuration file. */
    public static final String CONFIG_FILE_PROPERTY = "d8a.config";

    private Config config;

    public D8aConfig() {
    }

    /** Configuration over the given source alone; for code that runs outside the container. */
    public D8aConfig(Config config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        Path file = Path.of(System.getProperty(CONFIG_FILE_PROPERTY,
                System.getProperty("jboss.server.config.dir", ".") + "/d8a.yaml"));
        config = ConfigProviderResolver.instance().getBuilder()
                .addDefaultSources()
                .withSources(new YamlConfigSource(file))
                .build();
    }

    /** The configuration these settings are read from, for areas that read lists of objects from it. */
    public Config source() {
        return config;
    }

    /** Proxies whose forwarding headers are believed: CIDRs or addresses; empty trusts nobody. */
    public List<String> trustedProxies() {
        return list("server.trusted_proxies");
    }

    /** {@code at_least_once} (persistent spool), {@code best_effort} (session buffer) or {@code disabled}. */
    public String deliveryMode() {
        return string("delivery.mode", "at_least_once").toLowerCase(Locale.ROOT);
    }

    /** The session buffer writes a property's sessions once it holds this many. */
    public int bestEffortMaxSessions() {
        return integer("delivery.best_effort.max_sessions", 100);
    }

    /** The session buffer writes a property's sessions once the first of them is this old. */
    public Duration bestEffortMaxAge() {
        return duration("delivery.best_effort.max_age", "30s");
    }

    /** Failed deliveries after which a spooled session is quarantined. */
    public int spoolMaxFailures() {
        return integer("storage.spool_max_failures", 20);
    }

    /** How often the deliver job is started while sessions are due. */
    public Duration deliveryInterval() {
        return duration("delivery.interval", "2s");
    }

    /** Spooled sessions per chunk of the deliver job: one warehouse write and one transaction each. */
    public int deliveryChunkSize() {
        return integer("delivery.chunk_size", 500);
    }

    /** Whether the receiver keeps a raw log of accepted requests for the replay job. */
    public boolean rawLogEnabled() {
        return bool("receiver.raw_log", false);
    }

    public Path rawLogDirectory() {
        return Path.of(string("receiver.raw_log_directory",
                System.getProperty("jboss.server.data.dir", ".") + "/d8a/raw-log"));
    }

    /** Size after which the raw log continues in a new file. */
    public long rawLogMaxBytes() {
        return integer("receiver.raw_log_max_bytes", 64 * 1024 * 1024);
    }

    public int maxHitKbytes() {
        return integer("receiver.max_hit_kbytes", 128);
    }

    /** How long the receiver collects the hits of one partition into a single queue message. */
    public Duration publishWindow() {
        return duration("receiver.publish_window", "2ms");
    }

    /** Hits after which a partition's queue message is sent without waiting for the window to end. */
    public int publishMaxHits() {
        return integer("receiver.publish_max_hits", 500);
    }

    /**
     * {@code startup.skip_catch_up} (default false, spec/pipeline.md §7.2): the first wheel tick after deployment closes
     * everything overdue by the wall clock at once instead of following the backlog's data time. The reference's
     * environment variable {@code SKIP_CATCH_UP} is read too (MicroProfile finds it for the key {@code skip_catch_up}).
     */
    public boolean skipCatchUp() {
        return bool("startup.skip_catch_up", bool("skip_catch_up", false));
    }

    /** Number of message groups the hits queue is partitioned into (architecture decision 2). */
    public int queuePartitions() {
        return integer("queue.partitions", 64);
    }

    public String warehouseDriver() {
        return string("warehouse.driver", "files");
    }

    public String warehouseTable() {
        String table = present("warehouse.table", "events");
        if (table.isBlank()) {
            throw new IllegalStateException("warehouse.table must not be empty");
        }
        return table;
    }

    private List<String> list(String key) {
        return config.getOptionalValue(key, String.class).map(D8aConfig::split).orElse(List.of());
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private String string(String key, String defaultValue) {
        return config.getOptionalValue(key, String.class).map(String::trim).orElse(defaultValue);
    }

    /**
     * A value where empty means something of its own (no PARTITION BY, a refused table name): MicroProfile Config
     * reads an empty value as a missing one and would bring the default back, so the raw value decides.
     */
    private String present(String key, String defaultValue) {
        String raw = config.getConfigValue(key).getRawValue();
        return raw == null ? defaultValue : raw.trim();
    }

    private int integer(String key, int defaultValue) {
        String value = string(key, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration key " + key + " must be an integer, got \"" + value + "\"");
        }
    }

    private Duration duration(String key, String defaultValue) {
        String value = string(key, defaultValue);
        try {
            return GoDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("configuration key " + key + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Files warehouse (spec/warehouses.md §4.9). Rows are staged in segments under storage.spool_directory and each
    // sealed segment is uploaded as one file to warehouse.files.storage.
    // ---------------------------------------------------------------------------------------------------------------

    /** Where segments and their schemas wait for upload: {@code <dir>/warehouse/files/spool}, {@code .../schemas}. */
    public Path spoolDirectory() {
        return Path.of(string("storage.spool_directory",
                System.getProperty("jboss.server.data.dir", ".") + "/d8a/spool"));
    }

    /**
     * {@code filesystem}, {@code s3} or {@code gcs}. The reference requires it; here it defaults to {@code filesystem}
     * so that the default run writes files under the server's data directory without any setting.
     */
    public String filesStorage() {
        return string("warehouse.files.storage", "filesystem").toLowerCase(Locale.ROOT);
    }

    /** The destination directory of {@code storage: filesystem}. */
    public Path filesWarehousePath() {
        return Path.of(string("warehouse.files.filesystem_path",
                System.getProperty("jboss.server.data.dir", ".") + "/d8a/warehouse"));
    }

    /** {@code csv} or {@code parquet}. */
    public String filesWarehouseFormat() {
        return string("warehouse.files.format", "csv");
    }

    /** csv: empty or {@code gzip}; parquet: empty, {@code snappy}, {@code gzip} or {@code zstd}. */
    public String filesCompression() {
        return string("warehouse.files.compression", "");
    }

    /** gzip level: -1 (Go's default, 6), -2 (Huffman only), 0-9. */
    public int filesCompressionLevel() {
        return integer("warehouse.files.compression_level", -1);
    }

    /** Go template of the remote key, {@code {{.Field}}} substitution only; empty when not configured. */
    public String filesPathTemplate() {
        return string("warehouse.files.path_template", "");
    }

    /** A segment is sealed after the append that makes it at least this large. */
    public long filesMaxSegmentSize() {
        String value = string("warehouse.files.max_segment_size", "1073741824");
        try {
            long size = Long.parseLong(value);
            if (size <= 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration key warehouse.files.max_segment_size must be a positive "
                    + "number of bytes, got \"" + value + "\"");
        }
    }

    /** Period of the flush: every active segment with rows is sealed and every sealed one uploaded. */
    public Duration filesMaxSegmentAge() {
        Duration age = duration("warehouse.files.max_segment_age", "1h");
        if (age.isZero() || age.isNegative()) {
            throw new IllegalStateException("configuration key warehouse.files.max_segment_age must be positive");
        }
        return age;
    }

    /** Prepended to every object key with a {@code /} (S3). */
    public String filesPrefix() {
        return string("warehouse.files.prefix", "");
    }

    public String filesS3Host() {
        return string("warehouse.files.s3.host", "");
    }

    public int filesS3Port() {
        return integer("warehouse.files.s3.port", 9000);
    }

    public String filesS3Bucket() {
        return string("warehouse.files.s3.bucket", "");
    }

    public String filesS3AccessKey() {
        return string("warehouse.files.s3.access_key", "");
    }

    public String filesS3SecretKey() {
        return string("warehouse.files.s3.secret_key", "");
    }

    public String filesS3Region() {
        return string("warehouse.files.s3.region", "us-east-1");
    }

    /** {@code http} or {@code https}. */
    public String filesS3Protocol() {
        return string("warehouse.files.s3.protocol", "http");
    }

    /** Create the bucket before the first upload; one that exists already is fine. */
    public boolean filesS3CreateBucket() {
        return bool("warehouse.files.s3.create_bucket", false);
    }

    /** Checksums only when the request requires them, for S3-compatible stores that reject them. */
    public boolean filesS3DisableUploadChecksums() {
        return bool("warehouse.files.s3.disable_upload_checksums", false);
    }

    private boolean bool(String key, boolean defaultValue) {
        String value = string(key, Boolean.toString(defaultValue)).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException("configuration key " + key + " must be true or false, got \""
                    + value + "\"");
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // ClickHouse warehouse (warehouse.driver: clickhouse), spec/warehouses.md §2.1
    // ---------------------------------------------------------------------------------------------------------------

    /** Host of the ClickHouse HTTP interface; required unless {@code warehouse.clickhouse.datasource} is set. */
    public String clickhouseHost() {
        return clickhouseRequired("warehouse.clickhouse.host");
    }

    /**
     * The HTTP interface's port (8123, or 8443 with TLS). The reference's default, 9000, is ClickHouse's native TCP
     * protocol, which the JVM drivers do not speak.
     */
    public int clickhousePort() {
        return integer("warehouse.clickhouse.port", 8123);
    }

    /** The database the table lives in; required. */
    public String clickhouseDatabase() {
        return clickhouseRequired("warehouse.clickhouse.database");
    }

    public String clickhouseUsername() {
        return string("warehouse.clickhouse.username", "");
    }

    public String clickhousePassword() {
        return config.getOptionalValue("warehouse.clickhouse.password", String.class).orElse("");
    }

    /** ORDER BY of a new table, comma-separated (an expression cannot contain a comma). */
    public String clickhouseOrderBy() {
        return string("warehouse.clickhouse.order_by", "property_id,date_utc,session_id");
    }

    /** PARTITION BY of a new table; empty for none. */
    public String clickhousePartitionBy() {
        return present("warehouse.clickhouse.partition_by", "toYYYYMM(date_utc)");
    }

    /**
     * ClickHouse's LZ4 compression of requests and responses, on as in the reference. Turn it off for a server (or a
     * proxy in front of one) that does not take it.
     */
    public boolean clickhouseCompression() {
        return bool("warehouse.clickhouse.compression", true);
    }

    /** HTTPS instead of HTTP. */
    public boolean clickhouseSecure() {
        return bool("warehouse.clickhouse.secure", false);
    }

    /**
     * JNDI name of a WildFly datasource (e.g. {@code java:jboss/datasources/ClickHouse}) to use instead of host,
     * port, TLS and credentials, so that operators manage the connection in the console.
     */
    public java.util.Optional<String> clickhouseDatasource() {
        return config.getOptionalValue("warehouse.clickhouse.datasource", String.class).map(String::trim)
                .filter(name -> !name.isEmpty());
    }

    private String clickhouseRequired(String key) {
        String value = string(key, "");
        if (value.isEmpty()) {
            throw new IllegalStateException(key + " is required with warehouse.driver clickhouse");
        }
        return value;
    }
}
