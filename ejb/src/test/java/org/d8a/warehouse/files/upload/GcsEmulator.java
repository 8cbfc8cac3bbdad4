package org.d8a.warehouse.files.upload;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.d8a.testengines.EngineProcess;

/**
 * A real Google Cloud Storage emulator for the uploader tests: gcp-storage-emulator (the JSON API, resumable uploads
 * included, objects in memory), installed by {@code test-engines/setup.sh} and started on a free loopback port. The
 * uploader reaches it as the product does with an {@code http} endpoint: no credentials.
 */
public final class GcsEmulator implements AutoCloseable {

    private final EngineProcess process;
    private final int port;
    private final Storage client;

    private GcsEmulator(EngineProcess process, int port) {
        this.process = process;
        this.port = port;
        this.client = StorageOptions.http().setHost(endpoint()).setProjectId("test-project")
                .setCredentials(NoCredentials.getInstance()).build().getService();
    }

    /** Returns once its health check, {@code GET /}, answers. */
    public static GcsEmulator start() throws IOException, InterruptedException {
        int port = EngineProcess.freePort();
        EngineProcess process = EngineProcess.startPython("gcs-emulator", List.of("-m", "gcp_storage_emulator",
                "start", "--host", "127.0.0.1", "--port", Integer.toString(port), "--in-memory"));
        GcsEmulator emulator = new GcsEmulator(process, port);
        process.awaitHttp(URI.create(emulator.endpoint() + "/"), Duration.ofSeconds(60));
        return emulator;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of its own, to create buckets and read back what the uploader wrote. */
    public Storage client() {
        return client;
    }

    public void createBucket(String bucket) {
        client.create(BucketInfo.of(bucket));
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
