package org.d8a.warehouse.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.d8a.config.ConfigReader;
import org.d8a.warehouse.files.format.FileFormat;
import org.d8a.warehouse.files.format.FileFormats;
import org.d8a.warehouse.files.upload.GcsSettings;
import org.d8a.warehouse.files.upload.PathTemplate;
import org.d8a.warehouse.files.upload.S3Settings;

/**
 * The files warehouse's configuration (spec/warehouses.md §4.9), read and validated once, so that a wrong format,
 * compression, template or storage fails the deployment with the reference's message instead of the first upload.
 * Rows are staged in segments under {@code storage.spool_directory}; each sealed segment is uploaded as one file to
 * {@code warehouse.files.storage}.
 *
 * @param s3 set when {@code storage} is {@code s3}
 * @param gcs set when {@code storage} is {@code gcs}
 */
public record FilesSettings(String storage, Path filesystemPath, FileFormat format, PathTemplate template,
        long maxSegmentSize, Duration maxSegmentAge, Path spoolDirectory, S3Settings s3, GcsSettings gcs) {

    static final String FILESYSTEM_PATH = "warehouse.files.filesystem.path";
    /** Our first spelling of {@link #FILESYSTEM_PATH}, still read because our users' files have it. */
    static final String OLD_FILESYSTEM_PATH = "warehouse.files.filesystem_path";

    private static final Logger LOG = Logger.getLogger(FilesSettings.class.getName());

    public static FilesSettings from(ConfigReader config) {
        FileFormat format = FileFormats.resolve(config.string("warehouse.files.format", "csv"),
                config.string("warehouse.files.compression", ""),
                config.integer("warehouse.files.compression_level", -1));
        String configured = config.string("warehouse.files.path_template", "");
        PathTemplate template = PathTemplate.parse(configured.isEmpty() ? PathTemplate.DEFAULT : configured);
        // The reference requires the storage; here it defaults to filesystem so that the default run writes files
        // under the server's data directory without any setting.
        String storage = config.string("warehouse.files.storage", "filesystem").toLowerCase(Locale.ROOT);
        if (!storage.equals("filesystem") && !storage.equals("s3") && !storage.equals("gcs")) {
            throw new IllegalStateException("unsupported warehouse.files.storage: " + storage
                    + " (use filesystem, s3 or gcs)");
        }
        return new FilesSettings(storage, filesystemPath(config), format, template, maxSegmentSize(config),
                maxSegmentAge(config), Path.of(config.string("storage.spool_directory",
                        System.getProperty("jboss.server.data.dir", ".") + "/d8a/spool")),
                storage.equals("s3") ? s3(config) : null, storage.equals("gcs") ? gcs(config) : null);
    }

    /** Segment files: {@code <spool>/warehouse/files/spool}. */
    public Path segmentDirectory() {
        return spoolDirectory.resolve("warehouse").resolve("files").resolve("spool");
    }

    /** Stream schemas: {@code <spool>/warehouse/files/schemas}. */
    public Path schemaDirectory() {
        return spoolDirectory.resolve("warehouse").resolve("files").resolve("schemas");
    }

    /** The destination directory of {@code storage: filesystem}: the reference's key, else our old spelling. */
    private static Path filesystemPath(ConfigReader config) {
        Optional<String> path = config.optional(FILESYSTEM_PATH);
        Optional<String> old = config.optional(OLD_FILESYSTEM_PATH);
        if (old.isPresent() && path.isEmpty()) {
            LOG.warning(OLD_FILESYSTEM_PATH + " is deprecated: rename it to " + FILESYSTEM_PATH
                    + " (filesystem: {path: ...}), the reference's key");
        } else if (old.isPresent() && !old.equals(path)) {
            LOG.warning(OLD_FILESYSTEM_PATH + " is ignored: " + FILESYSTEM_PATH + " is set, and wins");
        }
        return Path.of(path.or(() -> old)
                .orElse(System.getProperty("jboss.server.data.dir", ".") + "/d8a/warehouse"));
    }

    private static S3Settings s3(ConfigReader config) {
        return new S3Settings(config.string("warehouse.files.s3.protocol", "http"),
                config.string("warehouse.files.s3.host", ""), config.integer("warehouse.files.s3.port", 9000),
                config.string("warehouse.files.s3.bucket", ""), config.string("warehouse.files.s3.access_key", ""),
                config.string("warehouse.files.s3.secret_key", ""),
                config.string("warehouse.files.s3.region", "us-east-1"), config.string("warehouse.files.prefix", ""),
                // create the bucket before the first upload (one that exists already is fine)
                config.bool("warehouse.files.s3.create_bucket", false),
                // checksums only when the request requires them, for S3-compatible stores that reject them
                config.bool("warehouse.files.s3.disable_upload_checksums", false));
    }

    private static GcsSettings gcs(ConfigReader config) {
        // the key's value as set: a key file's JSON is not to be trimmed into something else
        return new GcsSettings(config.string("warehouse.files.gcs.bucket", ""),
                config.value("warehouse.files.gcs.creds_json").orElse(""), config.string("warehouse.files.prefix", ""),
                config.string("warehouse.files.gcs.endpoint", ""));
    }

    /** A segment is sealed after the append that makes it at least this large. */
    private static long maxSegmentSize(ConfigReader config) {
        String value = config.string("warehouse.files.max_segment_size", "1073741824");
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
    private static Duration maxSegmentAge(ConfigReader config) {
        Duration age = config.duration("warehouse.files.max_segment_age", "1h");
        if (age.isZero() || age.isNegative()) {
            throw new IllegalStateException("configuration key warehouse.files.max_segment_age must be positive");
        }
        return age;
    }
}
