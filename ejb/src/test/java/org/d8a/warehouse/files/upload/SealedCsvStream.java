package org.d8a.warehouse.files.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.UnsupportedMappingException;
import org.d8a.warehouse.files.format.CsvFileFormat;
import org.d8a.warehouse.files.schema.SchemaFingerprint;
import org.d8a.warehouse.files.schema.StreamKey;
import org.d8a.warehouse.files.schema.StreamSchemas;
import org.d8a.warehouse.files.segment.SegmentStoreFixture;
import org.d8a.warehouse.files.segment.SegmentUploads;

/**
 * One stream, {@code events}, whose committed deliveries are sealed into one segment in a spool of its own, and the
 * flush that hands it to an uploader as CSV under the default path template: what every uploader's test needs to see
 * a segment through the files warehouse.
 */
final class SealedCsvStream {

    /** The seal date, so the key's date parts are known: {@code y=2026/m=02/d=25}. */
    static final Instant SEALED_AT = Instant.parse("2026-02-25T10:02:03Z");

    private final Path spool;
    private final StreamKey key;
    private final StreamSchemas schemas;
    private final SegmentStoreFixture fixture;

    /** Each of {@code deliveries} is committed, then the stream is sealed. */
    SealedCsvStream(Path dir, Schema schema, List<List<Map<String, Object>>> deliveries)
            throws IOException, UnsupportedMappingException {
        spool = dir.resolve("spool");
        schemas = new StreamSchemas(dir.resolve("schemas"));
        key = StreamKey.of("events", SchemaFingerprint.of(schema));
        schemas.storeIfAbsent(key.fingerprint(), schema);
        fixture = new SegmentStoreFixture(spool, Clock.fixed(SEALED_AT, ZoneOffset.UTC));
        for (List<Map<String, Object>> rows : deliveries) {
            fixture.deliver(key, rows);
        }
        fixture.seal();
    }

    StreamKey key() {
        return key;
    }

    /** The flush of the sealed segments to {@code uploader}. */
    SegmentUploads uploads(Uploader uploader) {
        return new SegmentUploads(fixture.segments(), new SegmentUpload(schemas, new CsvFileFormat(false, -1),
                PathTemplate.parse(PathTemplate.DEFAULT), uploader));
    }

    int sealedCount() throws IOException {
        return fixture.segments().sealed().size();
    }

    /** An uploader that always fails: the segment is retried at each flush, then quarantined in the spool. */
    void assertQuarantinedAfterFailures(Uploader failing) throws IOException {
        SegmentUploads uploads = uploads(failing);
        for (int i = 0; i < SegmentUploads.MAX_FAILURES; i++) {
            assertEquals(1, sealedCount(), "retried after " + i + " failures");
            assertEquals(0, uploads.uploadSealed());
        }
        assertEquals(0, sealedCount());
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(1, files.filter(file -> file.toString().endsWith(".quarantine")).count());
        }
    }
}
