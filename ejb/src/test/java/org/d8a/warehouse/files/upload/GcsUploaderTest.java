package org.d8a.warehouse.files.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.RestorableState;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GCS uploader against a real GCS JSON API: gcp-storage-emulator on a free loopback port, each test in a bucket of
 * its own. The uploads send 256 KiB chunks (the API's smallest) so that the files here take several requests of a
 * resumable session, as a segment does with the default 16 MiB.
 */
class GcsUploaderTest {

    private static final int CHUNK = 256 * 1024;

    private static GcsEmulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = GcsEmulator.start();
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        emulator.close();
    }

    private static GcsUploader uploader(String bucket, String prefix) {
        return new GcsUploader(new GcsSettings(bucket, "", prefix, emulator.endpoint()), CHUNK);
    }

    /** Random bytes over several chunks and a partial last one. */
    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void theObjectLandsAtPrefixSlashKeyWithTheExactBytesAndARetryReplacesIt() throws Exception {
        emulator.createBucket("landing");
        byte[] first = bytes(3 * CHUNK + 1234);
        byte[] second = "id,name\n1,Alice\n2,\"Bob, Jr.\"\n".getBytes(StandardCharsets.UTF_8);
        try (GcsUploader uploader = uploader("landing", "exports")) {
            uploader.upload("table=events/a.csv", Files.write(dir.resolve("first.csv"), first));
            assertArrayEquals(first, object("landing", "exports/table=events/a.csv"));
            uploader.upload("table=events/a.csv", Files.write(dir.resolve("second.csv"), second));
        }
        assertArrayEquals(second, object("landing", "exports/table=events/a.csv"));
        assertEquals(List.of("exports/table=events/a.csv"), names("landing"), "a retry replaces, never adds");
    }

    @Test
    void withoutAPrefixTheKeyIsTheObjectNameAndAnEmptyFileIsAnEmptyObject() throws Exception {
        emulator.createBucket("bare");
        try (GcsUploader uploader = uploader("bare", "")) {
            uploader.upload("k/empty.csv", Files.write(dir.resolve("empty.csv"), new byte[0]));
        }
        assertArrayEquals(new byte[0], object("bare", "k/empty.csv"));
    }

    @Test
    void anAbortedUploadLeavesNoObjectAndKeepsAnEarlierOne() throws Exception {
        emulator.createBucket("aborted");
        try (GcsUploader uploader = uploader("aborted", "p")) {
            GcsObjectUpload never = uploader.begin("never.csv");
            never.write(ByteBuffer.wrap(bytes(2 * CHUNK + 7)));
            never.abort();
            assertEquals(List.of(), names("aborted"), "two chunks were sent, and still no object");

            uploader.upload("kept.csv", Files.write(dir.resolve("kept.csv"), bytes(100)));
            GcsObjectUpload replacement = uploader.begin("kept.csv");
            replacement.write(ByteBuffer.wrap(bytes(CHUNK + 1)));
            replacement.abort();
        }
        assertEquals(List.of("p/kept.csv"), names("aborted"));
        assertArrayEquals(bytes(100), object("aborted", "p/kept.csv"));
    }

    @Test
    void commitAndAbortAreIdempotentAndExcludeEachOther() throws Exception {
        emulator.createBucket("states");
        try (GcsUploader uploader = uploader("states", "")) {
            GcsObjectUpload committed = uploader.begin("committed.csv");
            committed.write(ByteBuffer.wrap(bytes(10)));
            committed.commit();
            committed.commit();
            assertEquals("upload already committed", assertThrows(IOException.class, committed::abort).getMessage());
            assertEquals("upload already committed", assertThrows(IOException.class,
                    () -> committed.write(ByteBuffer.wrap(bytes(1)))).getMessage());

            GcsObjectUpload aborted = uploader.begin("aborted.csv");
            aborted.write(ByteBuffer.wrap(bytes(10)));
            aborted.abort();
            aborted.abort();
            assertEquals("upload already aborted", assertThrows(IOException.class, aborted::commit).getMessage());
            assertEquals("upload already aborted", assertThrows(IOException.class,
                    () -> aborted.write(ByteBuffer.wrap(bytes(1)))).getMessage());
        }
        assertEquals(List.of("committed.csv"), names("states"));
        assertArrayEquals(bytes(10), object("states", "committed.csv"));
    }

    @Test
    void aFailedCommitKeepsItsErrorAndTheAbortDeletesOnlyWhatItFinalised() throws Exception {
        emulator.createBucket("lost");
        Storage storage = emulator.client();
        storage.create(BlobInfo.newBuilder("lost", "theirs.csv").build(), bytes(5));
        BlobId ours = BlobId.of("lost", "ours.csv");
        // the close finalises the object, and then its response is lost
        GcsObjectUpload lostResponse = new GcsObjectUpload(storage, ours, "upload-1",
                new FailingAfterClose(storage.writer(BlobInfo.newBuilder(ours)
                        .setMetadata(Map.of(GcsObjectUpload.UPLOAD_ID, "upload-1")).build()), true));
        lostResponse.write(ByteBuffer.wrap(bytes(20)));
        IOException failed = assertThrows(IOException.class, lostResponse::commit);
        assertSame(failed, assertThrows(IOException.class, lostResponse::commit), "a repeated commit returns it");
        assertEquals(List.of("ours.csv", "theirs.csv"), names("lost"));
        lostResponse.abort();
        assertEquals(List.of("theirs.csv"), names("lost"));

        // the close fails before anything is finalised: the object of that name is someone else's, and stays
        BlobId theirs = BlobId.of("lost", "theirs.csv");
        GcsObjectUpload neverSent = new GcsObjectUpload(storage, theirs, "upload-2",
                new FailingAfterClose(storage.writer(BlobInfo.newBuilder(theirs)
                        .setMetadata(Map.of(GcsObjectUpload.UPLOAD_ID, "upload-2")).build()), false));
        neverSent.write(ByteBuffer.wrap(bytes(20)));
        assertThrows(IOException.class, neverSent::commit);
        neverSent.abort();
        assertArrayEquals(bytes(5), object("lost", "theirs.csv"));
    }

    @Test
    void aMissingBucketIsNamedAndItsSegmentQuarantinedAfterThreeFailures() throws Exception {
        SealedCsvStream stream = new SealedCsvStream(dir, new Schema(List.of(Field.nullable("id",
                new ArrowType.Int(64, true)))), List.of(List.of(Map.of("id", 1L))));
        try (GcsUploader uploader = uploader("missing", "")) {
            IOException refused = assertThrows(IOException.class,
                    () -> uploader.upload("k", Files.writeString(dir.resolve("k"), "k")));
            assertTrue(refused.getMessage().startsWith("upload of gs://missing/k at " + emulator.endpoint()
                    + " failed: bucket missing does not exist, or these credentials cannot see it "
                    + "(warehouse.files.gcs.bucket; d8a does not create it)"), refused.getMessage());
            stream.assertQuarantinedAfterFailures(uploader);
        }
        assertEquals(null, emulator.client().get("missing"), "d8a never creates the bucket");
    }

    @Test
    void aSealedSegmentBecomesOneCsvObjectUnderTheTemplatesKey() throws Exception {
        emulator.createBucket("segments");
        SealedCsvStream stream = new SealedCsvStream(dir, new Schema(List.of(
                Field.nullable("id", new ArrowType.Int(64, true)), Field.nullable("name", new ArrowType.Utf8()))),
                List.of(List.of(Map.of("id", 1L, "name", "Alice")), List.of(Map.of("id", 2L, "name", "Bob, Jr."))));
        try (GcsUploader uploader = uploader("segments", "d8a")) {
            assertEquals(1, stream.uploads(uploader).uploadSealed());
        }
        List<String> names = names("segments");
        assertEquals(1, names.size(), names.toString());
        assertTrue(names.get(0).startsWith("d8a/table=events/schema=" + stream.key().fingerprint()
                + "/y=2026/m=02/d=25/"), names.get(0));
        assertTrue(names.get(0).endsWith(".csv"), names.get(0));
        assertEquals("id,name\n1,Alice\n2,\"Bob, Jr.\"\n",
                new String(object("segments", names.get(0)), StandardCharsets.UTF_8));
        assertEquals(0, stream.sealedCount());
    }

    @Test
    void settingsNeverPrintTheCredentialsAndAnUnusableKeyFailsAtStartWithoutItsValue() {
        GcsSettings settings = new GcsSettings("events", "{\"private_key\": \"s3cret\"}", "d8a", "");
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        assertFalse(settings.emulator());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new GcsUploader(new GcsSettings("events", "not-a-key-s3cret", "", "https://gcs.example")));
        assertEquals("warehouse.files.gcs.creds_json is neither service-account JSON, base64 of it, nor the path of "
                + "a readable key file", refused.getMessage());
    }

    private static byte[] object(String bucket, String name) {
        Blob blob = emulator.client().get(BlobId.of(bucket, name));
        assertTrue(blob != null, "gs://" + bucket + "/" + name + " exists");
        return blob.getContent();
    }

    private static List<String> names(String bucket) {
        return StreamSupport.stream(emulator.client().list(bucket).iterateAll().spliterator(), false)
                .map(Blob::getName).sorted().toList();
    }

    /** A channel whose close fails as a lost response does: after finalising the object, or before sending. */
    private static final class FailingAfterClose implements WriteChannel {

        private final WriteChannel channel;
        private final boolean finalise;

        FailingAfterClose(WriteChannel channel, boolean finalise) {
            this.channel = channel;
            this.finalise = finalise;
        }

        @Override
        public void close() throws IOException {
            if (finalise) {
                channel.close();
            }
            throw new IOException("connection reset");
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            return channel.write(source);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void setChunkSize(int chunkSize) {
            channel.setChunkSize(chunkSize);
        }

        @Override
        public RestorableState<WriteChannel> capture() {
            return channel.capture();
        }
    }
}
