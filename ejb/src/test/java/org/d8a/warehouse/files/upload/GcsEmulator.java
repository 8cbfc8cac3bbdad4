package org.d8a.warehouse.files.upload;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Google Cloud Storage emulator for the uploader tests: gcp-storage-emulator (the JSON API, resumable uploads
 * included, objects in memory), installed by {@code test-engines/setup.sh} and started on a free loopback port. The
 * uploader reaches it as the product does with an {@code http} endpoint: no credentials.
 */
public final class GcsEmulator implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Storage client;

    private GcsEmulator(Process process, int port) {
        this.process = process;
        this.port = port;
        this.client = StorageOptions.http().setHost(endpoint()).setProjectId("test-project")
                .setCredentials(NoCredentials.getInstance()).build().getService();
    }

    public static GcsEmulator start() throws IOException, InterruptedException {
        String python = System.getProperty("d8a.test.python");
        if (python == null) {
            throw new IllegalStateException("d8a.test.python is set by the Maven build");
        }
        int port = freePort();
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path log = Files.createTempFile(target, "gcs-emulator-", ".log");
        Process process = new ProcessBuilder(python, "-m", "gcp_storage_emulator", "start", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--in-memory")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GcsEmulator emulator = new GcsEmulator(process, port);
        try {
            emulator.awaitReady(Duration.ofSeconds(60), log);
        } catch (RuntimeException | IOException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    /** Its health check, {@code GET /}, answers once the server accepts requests. */
    private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gcp-storage-emulator exited at start:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL()
                        .openConnection();
                connection.setConnectTimeout(1000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("gcp-storage-emulator did not answer within " + timeout + ":\n"
                + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
