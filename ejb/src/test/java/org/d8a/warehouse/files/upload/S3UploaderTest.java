package org.d8a.warehouse.files.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 uploader against a real S3 server: S3Proxy in this JVM on a free port, over an in-memory blob store. S3Proxy
 * is one of the S3-compatible stores that reject the SDK's default upload checksums (aws-chunked bodies with an
 * {@code x-amz-trailer}), so the uploads here run with {@code disable_upload_checksums}, as a user of such a store would.
 */
class S3UploaderTest {

    private static final String ACCESS = "d8a-access";
    private static final String SECRET = "d8a-secret-key";

    private static BlobStoreContext context;
    private static BlobStore blobs;
    private static S3Proxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        blobs = context.getBlobStore();
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!proxy.getState().equals("STARTED") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stopS3() throws Exception {
        proxy.stop();
        context.close();
    }

    private static S3Settings settings(String bucket, String prefix, boolean createBucket, boolean noChecksums) {
        return new S3Settings("http", "127.0.0.1", proxy.getPort(), bucket, ACCESS, SECRET, "us-east-1", prefix,
                createBucket, noChecksums);
    }

    @Test
    void theSettingsNeverPrintTheSecretKey() {
        String printed = settings("created", "exports", true, true).toString();
        assertTrue(!printed.contains(SECRET), printed);
        assertTrue(printed.contains(ACCESS) && printed.contains("created"), printed);
    }

    @Test
    void theObjectLandsAtPrefixSlashKeyWithTheExactBytes() throws Exception {
        byte[] bytes = "id,name\n1,Alice\n2,\"Bob, Jr.\"\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("segment.csv"), bytes);
        try (S3Uploader uploader = new S3Uploader(settings("created", "exports", true, true))) {
            uploader.upload("table=events/a.csv", file);
            uploader.upload("table=events/a.csv", file);
        }
        assertArrayEquals(bytes, object("created", "exports/table=events/a.csv"));
        assertEquals(List.of("exports/table=events/a.csv"), keys("created"), "a retry replaces, never adds");
    }

    @Test
    void anExistingBucketIsFineAndDefaultChecksumsAreWhatSuchAStoreRefuses() throws Exception {
        blobs.createContainerInLocation(null, "existing");
        Path file = Files.writeString(dir.resolve("x.csv"), "x\n");
        try (S3Uploader uploader = new S3Uploader(settings("existing", "", true, false))) {
            IOException refused = assertThrows(IOException.class, () -> uploader.upload("k/x.csv", file));
            assertTrue(refused.getMessage().contains("Status Code: 501"), refused.getMessage());
        }
        try (S3Uploader uploader = new S3Uploader(settings("existing", "", true, true))) {
            uploader.upload("k/x.csv", file);
        }
        assertArrayEquals("x\n".getBytes(StandardCharsets.UTF_8), object("existing", "k/x.csv"));
    }

    @Test
    void aMissingBucketFailsTheUploadThreeTimesThenTheSegmentIsQuarantined() throws Exception {
        SealedCsvStream stream = new SealedCsvStream(dir, new Schema(List.of(Field.nullable("id",
                new ArrowType.Int(64, true)))), List.of(List.of(Map.of("id", 1L))));
        try (S3Uploader uploader = new S3Uploader(settings("missing", "", false, true))) {
            IOException refused = assertThrows(IOException.class,
                    () -> uploader.upload("k", Files.writeString(dir.resolve("k"), "k")));
            assertTrue(refused.getMessage().startsWith("upload of s3://missing/k to http://127.0.0.1:"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("Status Code: 404"), refused.getMessage());
            stream.assertQuarantinedAfterFailures(uploader);
        }
        assertTrue(!blobs.containerExists("missing"));
    }

    private static byte[] object(String bucket, String key) throws IOException {
        try (InputStream in = blobs.getBlob(bucket, key).getPayload().openStream()) {
            return in.readAllBytes();
        }
    }

    private static List<String> keys(String bucket) {
        return blobs.list(bucket, ListContainerOptions.Builder.recursive()).stream().map(StorageMetadata::getName).sorted().toList();
    }
}
