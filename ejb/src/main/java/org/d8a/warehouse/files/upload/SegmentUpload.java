package org.d8a.warehouse.files.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.files.format.FileFormat;
import org.d8a.warehouse.files.schema.StreamSchemas;
import org.d8a.warehouse.files.segment.FrameCodec;
import org.d8a.warehouse.files.segment.FrameReader;
import org.d8a.warehouse.files.segment.SealedSegment;
import org.d8a.warehouse.files.segment.SegmentHandler;
import org.d8a.warehouse.files.segment.StagingDiskException;

/**
 * One sealed segment to one file of the destination (spec/warehouses.md §4.4): the stream's schema, the key from the
 * path template with the segment's own id and seal date, every frame's rows through the format into a local file
 * beside the segment, then the upload of that file. The local file is always removed; the segment is left to the
 * caller, deleted once this returned. When the local file cannot be written, {@link StagingDiskException} says so.
 */
public final class SegmentUpload implements SegmentHandler {

    private final StreamSchemas schemas;
    private final FileFormat format;
    private final PathTemplate template;
    private final Uploader uploader;

    public SegmentUpload(StreamSchemas schemas, FileFormat format, PathTemplate template, Uploader uploader) {
        this.schemas = schemas;
        this.format = format;
        this.template = template;
        this.uploader = uploader;
    }

    /** The remote key of {@code segment}. */
    public String key(SealedSegment segment) {
        return template.apply(segment.key().table(), segment.key().fingerprint(), segment.segmentId(),
                format.extension(), segment.sealedAt());
    }

    @Override
    public void handle(SealedSegment segment) throws Exception {
        Schema schema = schemas.load(segment.key().fingerprint());
        Path local = segment.file().resolveSibling(segment.file().getFileName() + ".upload");
        Files.deleteIfExists(local);
        try {
            try (FileFormat.RowFileWriter writer = LocalFile.open(format, local, schema);
                    FrameReader frames = new FrameReader(segment.file())) {
                for (List<byte[]> batch = frames.nextBatch(); !batch.isEmpty(); batch = frames.nextBatch()) {
                    for (byte[] payload : batch) {
                        writer.write(FrameCodec.decode(payload));
                    }
                }
            }
            uploader.upload(key(segment), local);
        } finally {
            Files.deleteIfExists(local);
        }
    }

    /** The writer of the local file, next to the segment: its I/O errors are the staging disk's, not the segment's. */
    private record LocalFile(FileFormat.RowFileWriter writer, Path file) implements FileFormat.RowFileWriter {

        static LocalFile open(FileFormat format, Path file, Schema schema) throws IOException, WarehouseException {
            try {
                return new LocalFile(format.open(file, schema), file);
            } catch (IOException e) {
                throw new StagingDiskException(file, e);
            }
        }

        @Override
        public void write(List<Map<String, Object>> rows) throws IOException, WarehouseException {
            try {
                writer.write(rows);
            } catch (IOException e) {
                throw new StagingDiskException(file, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                writer.close();
            } catch (IOException e) {
                throw new StagingDiskException(file, e);
            }
        }
    }
}
