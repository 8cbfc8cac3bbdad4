package org.d8a.warehouse.files;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.d8a.config.ConfigReader;
import org.d8a.warehouse.files.schema.StreamSchemas;
import org.d8a.warehouse.files.segment.AfterCommit;
import org.d8a.warehouse.files.segment.SegmentLedger;
import org.d8a.warehouse.files.segment.SegmentStore;
import org.d8a.warehouse.files.segment.SegmentUploads;
import org.d8a.warehouse.files.upload.FilesystemUploader;
import org.d8a.warehouse.files.upload.GcsUploader;
import org.d8a.warehouse.files.upload.S3Uploader;
import org.d8a.warehouse.files.upload.SegmentUpload;
import org.d8a.warehouse.files.upload.Uploader;

/** The parts of the files warehouse, assembled once from the configuration: segment store, schemas, upload. */
@ApplicationScoped
public class FilesWarehouse {

    @Inject
    ConfigReader config;

    /** {@link JpaSegmentLedger} in the server. */
    @Inject
    SegmentLedger ledger;

    /** {@link JtaAfterCommit} in the server. */
    @Inject
    AfterCommit afterCommit;

    private FilesSettings settings;
    private StreamSchemas schemas;
    private SegmentStore segments;
    private Uploader uploader;
    private SegmentUploads uploads;

    @PostConstruct
    void assemble() {
        settings = FilesSettings.from(config);
        schemas = new StreamSchemas(settings.schemaDirectory());
        segments = new SegmentStore(settings.segmentDirectory(), ledger, afterCommit, settings.maxSegmentSize(),
                Clock.systemUTC());
        uploader = uploader(settings);
        uploads = new SegmentUploads(segments, new SegmentUpload(schemas, settings.format(), settings.template(),
                uploader));
    }

    private static Uploader uploader(FilesSettings settings) {
        if (settings.s3() != null) {
            return new S3Uploader(settings.s3());
        }
        if (settings.gcs() != null) {
            return new GcsUploader(settings.gcs());
        }
        return new FilesystemUploader(settings.filesystemPath());
    }

    @PreDestroy
    void release() {
        uploader.close();
    }

    public FilesSettings settings() {
        return settings;
    }

    public StreamSchemas schemas() {
        return schemas;
    }

    public SegmentStore segments() {
        return segments;
    }

    public SegmentUploads uploads() {
        return uploads;
    }
}
