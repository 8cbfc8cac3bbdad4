package org.d8a.warehouse.files;

import java.nio.file.Path;
import java.time.Duration;
import org.d8a.config.D8aConfig;
import org.d8a.warehouse.files.format.FileFormat;
import org.d8a.warehouse.files.format.FileFormats;
import org.d8a.warehouse.files.upload.PathTemplate;
import org.d8a.warehouse.files.upload.S3Settings;

/**
 * The files warehouse's configuration, read and validated once, so that a wrong format, compression, template or
 * storage fails the deployment with the reference's message instead of the first upload.
 *
 * @param s3 set when {@code storage} is {@code s3}
 */
public record FilesSettings(String storage, Path filesystemPath, FileFormat format, PathTemplate template,
        long maxSegmentSize, Duration maxSegmentAge, Path spoolDirectory, S3Settings s3) {

    public static FilesSettings from(D8aConfig config) {
        FileFormat format = FileFormats.resolve(config.filesWarehouseFormat(), config.filesCompression(),
                config.filesCompressionLevel());
        String configured = config.filesPathTemplate();
        PathTemplate template = PathTemplate.parse(configured.isEmpty() ? PathTemplate.DEFAULT : configured);
        String storage = config.filesStorage();
        S3Settings s3 = switch (storage) {
            case "filesystem" -> null;
            case "s3" -> new S3Settings(config.filesS3Protocol(), config.filesS3Host(), config.filesS3Port(),
                    config.filesS3Bucket(), config.filesS3AccessKey(), config.filesS3SecretKey(),
                    config.filesS3Region(), config.filesPrefix(), config.filesS3CreateBucket(),
                    config.filesS3DisableUploadChecksums());
            case "gcs" -> throw new IllegalStateException("warehouse.files.storage gcs is not supported yet; use "
                    + "filesystem or s3");
            default -> throw new IllegalStateException("unsupported warehouse.files.storage: " + storage
                    + " (use filesystem, s3 or gcs)");
        };
        return new FilesSettings(storage, config.filesWarehousePath(), format, template, config.filesMaxSegmentSize(),
                config.filesMaxSegmentAge(), config.spoolDirectory(), s3);
    }

    /** Segment files: {@code <spool>/warehouse/files/spool}. */
    public Path segmentDirectory() {
        return spoolDirectory.resolve("warehouse").resolve("files").resolve("spool");
    }

    /** Stream schemas: {@code <spool>/warehouse/files/schemas}. */
    public Path schemaDirectory() {
        return spoolDirectory.resolve("warehouse").resolve("files").resolve("schemas");
    }
}
