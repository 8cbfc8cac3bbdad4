package org.d8a.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.d8a.delivery.DeliverySettings;
import org.d8a.enrich.currency.CurrencySettings;
import org.d8a.enrich.device.DeviceSettings;
import org.d8a.enrich.geo.GeoSettings;
import org.d8a.hits.ip.ProxySettings;
import org.d8a.intake.IntakeSettings;
import org.d8a.properties.FilterCondition;
import org.d8a.properties.PropertySettings;
import org.d8a.properties.PropertySettingsReader;
import org.d8a.protocol.ga4.custom.CustomColumnDefinition;
import org.d8a.protocol.ga4.custom.CustomColumnDefinitions;
import org.d8a.protocol.matomo.MatomoSettings;
import org.d8a.protocol.matomo.custom.ShortcutDefinition;
import org.d8a.protocol.matomo.custom.ShortcutDefinitions;
import org.d8a.protosessions.wheel.WheelSettings;
import org.d8a.warehouse.WarehouseSettings;
import org.d8a.warehouse.bigquery.BigQuerySettings;
import org.d8a.warehouse.bigquery.WriterType;
import org.d8a.warehouse.clickhouse.ClickHouseSettings;
import org.d8a.warehouse.files.FilesSettings;
import org.d8a.warehouse.files.upload.GcsSettings;
import org.d8a.warehouse.files.upload.S3Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A reference user's configuration, brought unchanged (issue 11, item 7): {@code every-reference-key.yaml} names every
 * key of spec/pipeline.md §7.2 and spec/warehouses.md with a value other than its default, and each key is either
 * honoured (what the product reads changes) or named by exactly one warning, never both, never neither.
 */
class ReferenceConfigurationTest {

    private static final Path FILE = Path.of("src/test/resources/every-reference-key.yaml");

    @Test
    void everyReferenceKeyIsHonouredOrNamedByExactlyOneWarning() {
        ConfigReader config = TestConfig.yaml(FILE);
        List<IgnoredKeys.Warning> warnings = IgnoredKeys.warnings(config);
        Map<String, Executable> honoured = honoured(config);
        Set<String> keys = keysOf(FILE);
        for (String key : keys) {
            long naming = warnings.stream().filter(warning -> warning.key().equals(key)).count();
            if (honoured.containsKey(key)) {
                assertEquals(0, naming, key + " is honoured, and yet warned about");
            } else {
                assertEquals(1, naming, key + " is neither honoured nor named by exactly one warning");
            }
        }
        assertAll(honoured.entrySet().stream().map(check -> (Executable) () -> {
            assertTrue(keys.contains(check.getKey()), check.getKey() + " is checked but not in " + FILE);
            check.getValue().execute();
        }));
        assertEquals(keys.size(), honoured.size() + warnings.size(), "every warning names a key of the file");
    }

    @Test
    void warningsNameTheKeyAndWhyButNeverAValue() {
        List<IgnoredKeys.Warning> warnings = IgnoredKeys.warnings(TestConfig.yaml(FILE));
        assertEquals("queue.backend has no meaning here: hits are queued in the server's Artemis broker (a remote "
                + "broker is configured in WildFly's messaging subsystem) (docs/configuration.md)",
                warnings.stream().filter(w -> w.key().equals("queue.backend")).findFirst().orElseThrow().message());
        assertEquals("dbip.refresh_interval has no effect yet: downloading the geo database (put the .mmdb file in "
                + "dbip.destination_directory) is not built (docs/configuration.md)",
                warnings.stream().filter(w -> w.key().equals("dbip.refresh_interval")).findFirst()
                        .orElseThrow().message());
        assertEquals(List.of(), warnings.stream().map(IgnoredKeys.Warning::message)
                .filter(message -> message.contains("s3cret")).toList());
    }

    @Test
    void nothingIsWarnedAboutWhenNoIgnoredKeyIsSet() {
        assertEquals(List.of(), IgnoredKeys.warnings(TestConfig.of(Map.of("sessions.timeout", "10s",
                "warehouse.files.filesystem.path", "/data"))));
    }

    @Test
    void theReferencesEnvironmentVariablesAreWarnedAboutToo() {
        ConfigReader config = new ConfigReader(new SmallRyeConfigBuilder().withSources(new EnvConfigSource(Map.of(
                "QUEUE_BACKEND", "objectstorage", "DBIP_DOWNLOAD_TIMEOUT", "1m",
                "MONITORING_ENABLED", "true"), 300)).build());
        assertEquals(List.of("queue.backend", "dbip.download_timeout", "monitoring.enabled"),
                IgnoredKeys.warnings(config).stream().map(IgnoredKeys.Warning::key).toList());
    }

    /** The keys of a YAML file; a list of objects ({@code ga4.params[0].name}) is the one key {@code ga4.params}. */
    private static Set<String> keysOf(Path file) {
        return new YamlConfigSource(file).getPropertyNames().stream().map(name -> name.replaceFirst("\\[.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** For each honoured key, the check that the product reads the file's value, not the default. */
    private static Map<String, Executable> honoured(ConfigReader config) {
        PropertySettings property = new PropertySettingsReader(config).defaultProperty();
        FilesSettings files = FilesSettings.from(config);
        S3Settings s3 = files.s3();
        ClickHouseSettings clickhouse = new ClickHouseSettings(config);
        Map<String, Executable> checks = new LinkedHashMap<>();
        checks.put("delivery.mode", () -> assertEquals("best_effort", new DeliverySettings(config).mode()));
        CurrencySettings currency = new CurrencySettings(config);
        checks.put("airgapped", () -> {
            assertTrue(currency.airgapped());
            assertFalse(currency.downloadsRates(), "airgapped switches the currency download off");
        });
        checks.put("currency.destination_directory",
                () -> assertEquals(Path.of("/var/lib/d8a/currency"), currency.directory()));
        checks.put("currency.refresh_interval", () -> assertEquals(Duration.ofHours(1), currency.refreshInterval()));
        checks.put("dbip.enabled", () -> assertTrue(new GeoSettings(config).enabled()));
        checks.put("dbip.destination_directory",
                () -> assertEquals(Path.of("/var/lib/d8a/dbip"), new GeoSettings(config).directory()));
        checks.put("server.trusted_proxies", () -> assertEquals(List.of("10.0.0.0/8", "::1"),
                new ProxySettings(config).trustedProxies()));
        checks.put("matomo.tracking_endpoints", () -> assertEquals(List.of("/matomo.php", "/track.php"),
                new MatomoSettings(config).trackingEndpoints()));
        checks.put("matomo.custom_dimensions", () -> assertEquals(List.of(new ShortcutDefinition(
                "matomo.custom_dimensions", 1, "plan", "custom_dimension_plan", false)),
                ShortcutDefinitions.from(config, List.of()).subList(0, 1)));
        checks.put("matomo.custom_variables", () -> assertEquals(List.of(new ShortcutDefinition(
                "matomo.custom_variables", 0, "tier", "custom_variable_tier", true)),
                ShortcutDefinitions.from(config, List.of()).subList(1, 2)));
        checks.put("receiver.max_hit_kbytes", () -> assertEquals(64, new IntakeSettings(config).maxHitKbytes()));
        checks.put("sessions.timeout", () -> assertEquals(Duration.ofMinutes(10), property.sessionTimeout()));
        checks.put("sessions.join_by_session_stamp", () -> assertFalse(property.join().bySessionStamp()));
        checks.put("sessions.join_by_user_id", () -> assertFalse(property.join().byUserId()));
        checks.put("startup.skip_catch_up", () -> assertTrue(new WheelSettings(config).skipCatchUp()));
        checks.put("device_detector.provider",
                () -> assertEquals(DeviceSettings.Provider.STUB, new DeviceSettings(config).provider()));
        checks.put("property.id", () -> assertEquals("shop", property.id()));
        checks.put("property.name", () -> assertEquals("Shop", property.name()));
        checks.put("property.settings.split_by_user_id", () -> assertFalse(property.split().onUserIdChange()));
        checks.put("property.settings.split_by_campaign", () -> assertFalse(property.split().onCampaignChange()));
        checks.put("property.settings.split_by_time_since_first_event",
                () -> assertEquals(Duration.ofHours(6), property.split().maxTimeSinceFirstEvent()));
        checks.put("property.settings.split_by_max_events", () -> assertEquals(50, property.split().maxEvents()));
        checks.put("property.settings.ip_masking_level", () -> assertEquals(2, property.ipMaskingLevel()));
        checks.put("property.settings.excluded_url_params",
                () -> assertEquals(List.of("gclid", "fbclid"), property.excludedUrlParams()));
        checks.put("protocol", () -> assertEquals("d8a", property.protocol()));
        checks.put("ga4.params", () -> assertEquals(List.of(new CustomColumnDefinition("seats", "params_seats",
                "int64")), CustomColumnDefinitions.from(config)));
        checks.put("filters.fields", () -> assertEquals(List.of("ip_address", "user_id"),
                property.filter().fields()));
        checks.put("filters.conditions", () -> assertEquals(List.of(new FilterCondition("office", true, false,
                "ip_address == '10.0.0.1'")), property.filter().conditions()));
        checks.put("storage.spool_directory",
                () -> assertEquals(Path.of("/var/lib/d8a/spool"), files.spoolDirectory()));
        checks.put("warehouse.driver", () -> assertEquals("clickhouse", new WarehouseSettings(config).driver()));
        checks.put("warehouse.table", () -> {
            assertEquals("hits", new WarehouseSettings(config).table());
            assertEquals("hits", property.warehouseTable());
        });
        checks.put("warehouse.clickhouse.host", () -> assertEquals("ch.example", clickhouse.host()));
        checks.put("warehouse.clickhouse.port", () -> assertEquals(8124, clickhouse.port()));
        checks.put("warehouse.clickhouse.database", () -> assertEquals("analytics", clickhouse.database()));
        checks.put("warehouse.clickhouse.username", () -> assertEquals("d8a", clickhouse.username()));
        checks.put("warehouse.clickhouse.password", () -> assertEquals("ch-s3cret", clickhouse.password()));
        checks.put("warehouse.clickhouse.order_by", () -> assertEquals("session_id,date_utc", clickhouse.orderBy()));
        checks.put("warehouse.clickhouse.partition_by",
                () -> assertEquals("toYYYYMMDD(date_utc)", clickhouse.partitionBy()));
        BigQuerySettings bigquery = new BigQuerySettings(config);
        checks.put("warehouse.bigquery.project_id", () -> assertEquals("shop", bigquery.projectId()));
        checks.put("warehouse.bigquery.dataset_name", () -> assertEquals("analytics", bigquery.datasetName()));
        checks.put("warehouse.bigquery.creds_json", () -> assertEquals("bq-s3cret", bigquery.credsJson()));
        checks.put("warehouse.bigquery.writer_type", () -> assertEquals(WriterType.STREAMING, bigquery.writerType()));
        checks.put("warehouse.bigquery.query_timeout",
                () -> assertEquals(Duration.ofMinutes(1), bigquery.queryTimeout()));
        checks.put("warehouse.bigquery.table_creation_timeout",
                () -> assertEquals(Duration.ofSeconds(20), bigquery.tableCreationTimeout()));
        checks.put("warehouse.bigquery.partition_field",
                () -> assertEquals("timestamp_utc", bigquery.partitionField()));
        checks.put("warehouse.bigquery.partition_interval", () -> assertEquals("MONTH", bigquery.partitionInterval()));
        checks.put("warehouse.bigquery.partition_expiration_days",
                () -> assertEquals(30, bigquery.partitionExpirationDays()));
        checks.put("warehouse.files.format", () -> assertEquals("parquet", files.format().extension()));
        checks.put("warehouse.files.storage", () -> assertEquals("s3", files.storage()));
        checks.put("warehouse.files.filesystem.path",
                () -> assertEquals(Path.of("/var/lib/d8a/files"), files.filesystemPath()));
        checks.put("warehouse.files.max_segment_size", () -> assertEquals(1048576L, files.maxSegmentSize()));
        checks.put("warehouse.files.max_segment_age", () -> assertEquals(Duration.ofMinutes(5), files.maxSegmentAge()));
        checks.put("warehouse.files.compression", () -> assertEquals("parquet, gzip level 3",
                files.format().toString()));
        checks.put("warehouse.files.compression_level", () -> assertEquals("parquet, gzip level 3",
                files.format().toString()));
        checks.put("warehouse.files.path_template", () -> assertEquals("hits/segment-1.parquet",
                files.template().apply("hits", "fingerprint", "segment-1", "parquet", Instant.EPOCH)));
        // the file's storage is s3; the gcs keys are read, as the reference reads them, once the storage is gcs
        GcsSettings gcs = FilesSettings.from(new ConfigReader(new SmallRyeConfigBuilder().withSources(
                new YamlConfigSource(FILE), new PropertiesConfigSource(Map.of("warehouse.files.storage", "gcs"),
                        "storage gcs", 500)).build())).gcs();
        checks.put("warehouse.files.prefix", () -> {
            assertEquals("shop", s3.prefix());
            assertEquals("shop", gcs.prefix());
        });
        checks.put("warehouse.files.gcs.bucket", () -> assertEquals("gcs-events", gcs.bucket()));
        checks.put("warehouse.files.gcs.creds_json", () -> assertEquals("files-gcs-s3cret", gcs.credsJson()));
        checks.put("warehouse.files.s3.host", () -> assertEquals("s3.example", s3.host()));
        checks.put("warehouse.files.s3.port", () -> assertEquals(443, s3.port()));
        checks.put("warehouse.files.s3.bucket", () -> assertEquals("events", s3.bucket()));
        checks.put("warehouse.files.s3.access_key", () -> assertEquals("files-access", s3.accessKey()));
        checks.put("warehouse.files.s3.secret_key", () -> assertEquals("files-s3cret", s3.secretKey()));
        checks.put("warehouse.files.s3.region", () -> assertEquals("eu-central-1", s3.region()));
        checks.put("warehouse.files.s3.protocol", () -> assertEquals("https://s3.example:443", s3.endpoint()));
        checks.put("warehouse.files.s3.create_bucket", () -> assertTrue(s3.createBucket()));
        checks.put("warehouse.files.s3.disable_upload_checksums", () -> assertTrue(s3.disableUploadChecksums()));
        return checks;
    }
}
