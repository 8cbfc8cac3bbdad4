package org.d8a.warehouse.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.d8a.config.TestConfig;
import org.d8a.warehouse.files.format.ParquetFileFormat;
import org.d8a.warehouse.files.segment.SegmentUploads;
import org.d8a.warehouse.files.upload.GcsSettings;
import org.d8a.warehouse.files.upload.S3Settings;
import org.junit.jupiter.api.Test;

/** spec/warehouses.md §7 vector 25 and the files warehouse's defaults, read from the configuration's keys. */
class FilesSettingsTest {

    private static FilesSettings settings(Map<String, String> values) {
        return FilesSettings.from(TestConfig.of(values));
    }

    private static String error(Map<String, String> values) {
        return assertThrows(IllegalStateException.class, () -> settings(values)).getMessage();
    }

    @Test
    void vector25FormatAndCompressionErrors() {
        assertEquals("unsupported compression for csv: snappy",
                error(Map.of("warehouse.files.format", "csv", "warehouse.files.compression", "snappy")));
        assertEquals("unsupported compression for parquet: brotli",
                error(Map.of("warehouse.files.format", "parquet", "warehouse.files.compression", "brotli")));
        assertEquals("unsupported files format: json", error(Map.of("warehouse.files.format", "json")));
    }

    @Test
    void vector25DefaultsAndTheFlushPeriod() {
        System.setProperty("jboss.server.data.dir", "/srv/d8a-data");
        try {
            FilesSettings defaults = settings(Map.of());
            assertEquals("filesystem", defaults.storage());
            assertEquals("csv", defaults.format().extension());
            assertEquals(1073741824L, defaults.maxSegmentSize());
            assertEquals(Duration.ofHours(1), defaults.maxSegmentAge());
            assertEquals(Path.of("/srv/d8a-data/d8a/warehouse"), defaults.filesystemPath());
            assertEquals(Path.of("/srv/d8a-data/d8a/spool/warehouse/files/spool"), defaults.segmentDirectory());
            assertNull(defaults.s3());
            assertEquals(3, SegmentUploads.MAX_FAILURES);
        } finally {
            System.clearProperty("jboss.server.data.dir");
        }
        assertEquals(Duration.ofMinutes(37), settings(Map.of("warehouse.files.max_segment_age", "37m"))
                .maxSegmentAge());
    }

    @Test
    void parquetCodecsGzippedCsvAndS3() {
        FilesSettings parquet = settings(Map.of("warehouse.files.format", "PARQUET",
                "warehouse.files.compression", "zstd"));
        assertEquals(ParquetFileFormat.class, parquet.format().getClass());
        assertEquals("parquet", parquet.format().extension());
        assertEquals("csv.gz", settings(Map.of("warehouse.files.compression", "gzip",
                "warehouse.files.compression_level", "9")).format().extension());
        S3Settings s3 = settings(Map.of("warehouse.files.storage", "s3", "warehouse.files.s3.host", "minio",
                "warehouse.files.s3.bucket", "events", "warehouse.files.prefix", "d8a")).s3();
        assertEquals("http://minio:9000", s3.endpoint());
        assertEquals("us-east-1", s3.region());
        assertEquals("d8a", s3.prefix());
        assertEquals(false, s3.createBucket());
    }

    @Test
    void gcsReadsItsBucketThePrefixAndAnEmulatorEndpoint() {
        FilesSettings files = settings(Map.of("warehouse.files.storage", "gcs", "warehouse.files.gcs.bucket",
                "events", "warehouse.files.prefix", "d8a", "warehouse.files.gcs.endpoint", "http://127.0.0.1:9023"));
        assertNull(files.s3());
        GcsSettings gcs = files.gcs();
        assertEquals("events", gcs.bucket());
        assertEquals("d8a", gcs.prefix());
        assertEquals("", gcs.credsJson(), "Application Default Credentials");
        assertEquals(true, gcs.emulator());
        assertEquals(false, settings(Map.of("warehouse.files.storage", "gcs", "warehouse.files.gcs.bucket", "events",
                "warehouse.files.gcs.endpoint", "https://storage.private.example")).gcs().emulator());
        assertNull(settings(Map.of("warehouse.files.storage", "s3", "warehouse.files.s3.host", "minio",
                "warehouse.files.s3.bucket", "events", "warehouse.files.gcs.bucket", "other")).gcs());
    }

    @Test
    void storageAndTemplateErrors() {
        assertEquals("warehouse.files.s3.bucket is required when warehouse.files.storage is s3",
                error(Map.of("warehouse.files.storage", "s3", "warehouse.files.s3.host", "minio")));
        assertEquals("warehouse.files.gcs.bucket is required when warehouse.files.storage is gcs",
                error(Map.of("warehouse.files.storage", "gcs")));
        assertEquals("warehouse.files.gcs.bucket must be a bucket name, without gs:// or a path (use "
                + "warehouse.files.prefix for a folder), got gs://events", error(Map.of("warehouse.files.storage",
                        "gcs", "warehouse.files.gcs.bucket", "gs://events")));
        assertEquals("warehouse.files.gcs.endpoint must be an http:// or https:// URL, got localhost:9023",
                error(Map.of("warehouse.files.storage", "GCS", "warehouse.files.gcs.bucket", "events",
                        "warehouse.files.gcs.endpoint", "localhost:9023")));
        assertEquals("unsupported warehouse.files.storage: ftp (use filesystem, s3 or gcs)",
                error(Map.of("warehouse.files.storage", "ftp")));
        assertEquals("invalid warehouse.files.path_template {{.Table}}/../x: the key must not contain \"..\", got "
                + "test/../x", error(Map.of("warehouse.files.path_template", "{{.Table}}/../x")));
    }

    @Test
    void theDestinationIsTheReferencesKeyAndOurOldSpellingStillWorksWithAWarning() {
        List<String> warnings = warningsWhile(() -> assertEquals(Path.of("/new"),
                settings(Map.of("warehouse.files.filesystem.path", "/new")).filesystemPath()));
        assertEquals(List.of(), warnings);

        warnings = warningsWhile(() -> assertEquals(Path.of("/old"),
                settings(Map.of("warehouse.files.filesystem_path", "/old")).filesystemPath()));
        assertEquals(List.of("warehouse.files.filesystem_path is deprecated: rename it to "
                + "warehouse.files.filesystem.path (filesystem: {path: ...}), the reference's key"), warnings);

        warnings = warningsWhile(() -> assertEquals(Path.of("/new"), settings(Map.of("warehouse.files.filesystem.path",
                "/new", "warehouse.files.filesystem_path", "/old")).filesystemPath()));
        assertEquals(List.of("warehouse.files.filesystem_path is ignored: warehouse.files.filesystem.path is set, "
                + "and wins"), warnings);

        // WAREHOUSE_FILES_FILESYSTEM_PATH is both spellings at once: nothing to warn about
        warnings = warningsWhile(() -> settings(Map.of("warehouse.files.filesystem.path", "/same",
                "warehouse.files.filesystem_path", "/same")));
        assertEquals(List.of(), warnings);
    }

    private static List<String> warningsWhile(Runnable action) {
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(FilesSettings.class.getName());
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return warnings;
    }
}
