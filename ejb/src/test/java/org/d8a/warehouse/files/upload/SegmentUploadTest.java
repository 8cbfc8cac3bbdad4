package org.d8a.warehouse.files.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.files.format.CsvFileFormat;
import org.d8a.warehouse.files.format.FileFormat;
import org.d8a.warehouse.files.schema.SchemaFingerprint;
import org.d8a.warehouse.files.schema.StreamKey;
import org.d8a.warehouse.files.schema.StreamSchemas;
import org.d8a.warehouse.files.segment.SealedSegment;
import org.d8a.warehouse.files.segment.SegmentStoreFixture;
import org.d8a.warehouse.files.segment.SegmentUploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealed segments to destination files: keys, idempotent retries, deletion, quarantine after three failures, none for
 * a staging disk that cannot be written.
 */
class SegmentUploadTest {

    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("id", new ArrowType.Int(64, true)),
            Field.nullable("name", ArrowType.Utf8.INSTANCE)));

    @TempDir
    Path dir;

    private SegmentStoreFixture fixture;
    private StreamSchemas schemas;
    private StreamKey key;

    @BeforeEach
    void spool() throws Exception {
        fixture = new SegmentStoreFixture(dir.resolve("spool"), Clock.fixed(Instant.parse("2026-02-25T10:02:03Z"),
                ZoneOffset.UTC));
        schemas = new StreamSchemas(dir.resolve("schemas"));
        String fingerprint = SchemaFingerprint.of(SCHEMA);
        key = StreamKey.of("events", fingerprint);
        schemas.storeIfAbsent(fingerprint, SCHEMA);
    }

    private SegmentUpload upload(Uploader uploader) {
        return new SegmentUpload(schemas, new CsvFileFormat(false, -1), PathTemplate.parse(PathTemplate.DEFAULT),
                uploader);
    }

    @Test
    void aSealedSegmentBecomesOneFileAtItsKeyAndIsDeleted() throws Exception {
        fixture.deliver(key, List.of(Map.of("id", 1L, "name", "Alice")));
        fixture.deliver(key, List.of(Map.of("id", 2L, "name", "Bob, Jr.")));
        fixture.seal();
        SealedSegment segment = fixture.segments().sealed().get(0);
        Path dest = dir.resolve("dest");
        SegmentUploads uploads = new SegmentUploads(fixture.segments(), upload(new FilesystemUploader(dest)));

        assertEquals(1, uploads.uploadSealed());

        Path file = dest.resolve("table=events/schema=" + key.fingerprint() + "/y=2026/m=02/d=25/"
                + segment.segmentId() + ".csv");
        assertEquals("id,name\n1,Alice\n2,\"Bob, Jr.\"\n", Files.readString(file));
        assertTrue(segment.segmentId().startsWith("1772013723_"), segment.segmentId());
        assertEquals(List.of(), fixture.segments().sealed());
        assertEquals(List.of(file), files(dest));
    }

    @Test
    void aSegmentUploadedAgainAfterACrashLandsOnTheSameKey() throws Exception {
        fixture.deliver(key, List.of(Map.of("id", 1L, "name", "Alice")));
        fixture.seal();
        Path dest = dir.resolve("dest");
        SegmentUpload upload = upload(new FilesystemUploader(dest));
        // uploaded, then the server stopped before the segment was deleted
        upload.handle(fixture.segments().sealed().get(0));
        List<Path> before = files(dest);

        assertEquals(1, new SegmentUploads(fixture.segments(), upload).uploadSealed());

        assertEquals(before, files(dest));
        assertEquals(1, before.size());
        assertEquals("id,name\n1,Alice\n", Files.readString(before.get(0)));
    }

    @Test
    void threeFailuresQuarantineEverySegmentOfTheStreamAndOthersGoOn() throws Exception {
        fixture.deliver(key, List.of(Map.of("id", 1L)));
        fixture.seal();
        fixture.deliver(key, List.of(Map.of("id", 2L)));
        fixture.seal();
        StreamKey other = StreamKey.of("other", key.fingerprint());
        fixture.deliver(other, List.of(Map.of("id", 3L)));
        fixture.seal();
        Path dest = dir.resolve("dest");
        Uploader onlyOther = (remoteKey, file) -> {
            if (remoteKey.startsWith("table=events/")) {
                throw new IOException("destination refused " + remoteKey);
            }
            new FilesystemUploader(dest).upload(remoteKey, file);
        };
        SegmentUploads uploads = new SegmentUploads(fixture.segments(), upload(onlyOther));

        assertEquals(1, uploads.uploadSealed(), "the other stream is not held back");
        assertEquals(2, fixture.segments().sealed().size());
        assertEquals(0, uploads.uploadSealed());
        assertEquals(2, fixture.segments().sealed().size(), "two failures: still retried");
        assertEquals(0, uploads.uploadSealed());

        assertEquals(List.of(), fixture.segments().sealed());
        List<Path> quarantined = quarantined();
        assertEquals(2, quarantined.size());
        assertTrue(quarantined.stream().allMatch(file -> file.getFileName().toString().startsWith("events_")));
        assertEquals(0, uploads.uploadSealed(), "quarantined segments are not retried");
        assertEquals(quarantined, quarantined());
    }

    @Test
    void aLocalFileThatCannotBeWrittenIsNoFailureOfTheSegmentWhichWaitsAndIsUploadedLater() throws Exception {
        fixture.deliver(key, List.of(Map.of("id", 1L, "name", "Alice")));
        fixture.seal();
        Path dest = dir.resolve("dest");
        CsvFileFormat csv = new CsvFileFormat(false, -1);
        boolean[] diskFull = {true};
        FileFormat fullDisk = new FileFormat() {
            @Override
            public String extension() {
                return csv.extension();
            }

            @Override
            public RowFileWriter open(Path file, Schema schema) throws IOException, WarehouseException {
                if (diskFull[0]) {
                    throw new IOException("No space left on device");
                }
                return csv.open(file, schema);
            }
        };
        SegmentUploads uploads = new SegmentUploads(fixture.segments(), new SegmentUpload(schemas, fullDisk,
                PathTemplate.parse(PathTemplate.DEFAULT), new FilesystemUploader(dest)));

        for (int i = 0; i < SegmentUploads.MAX_FAILURES + 2; i++) {
            assertEquals(0, uploads.uploadSealed());
        }
        assertEquals(1, fixture.segments().sealed().size(), "kept, however often the disk refused the local file");
        assertEquals(List.of(), quarantined());

        diskFull[0] = false;
        assertEquals(1, uploads.uploadSealed());
        assertEquals(List.of(), fixture.segments().sealed());
        assertEquals(1, files(dest).size());
    }

    @Test
    void aMissingSchemaIsAFailureAndAnEmptySegmentIsDeletedWithoutUpload() throws Exception {
        StreamKey unknown = StreamKey.of("events", "0000000000000000");
        fixture.deliver(unknown, List.of(Map.of("id", 1L)));
        fixture.seal();
        Path sealed = fixture.segments().sealed().get(0).file();
        Files.write(sealed, new byte[0]);
        Path dest = dir.resolve("dest");
        SegmentUploads uploads = new SegmentUploads(fixture.segments(), upload(new FilesystemUploader(dest)));
        assertEquals(0, uploads.uploadSealed());
        assertFalse(Files.exists(sealed));
        assertFalse(Files.exists(dest));

        fixture.deliver(unknown, List.of(Map.of("id", 1L)));
        fixture.seal();
        for (int i = 0; i < SegmentUploads.MAX_FAILURES; i++) {
            assertEquals(0, uploads.uploadSealed());
        }
        assertEquals(1, quarantined().size());
    }

    private List<Path> quarantined() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
            return files.filter(file -> file.toString().endsWith(".quarantine")).sorted().toList();
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
