package org.d8a.warehouse.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.d8a.config.TestConfig;

/**
 * A real BigQuery emulator for the driver tests: bqemulator (REST and the Storage Write API over gRPC), started by
 * {@code test-engines/bqemulator_start.py} on free ports, with one dataset, {@code d8a}. The client reaches it as the
 * product does with an {@code http} endpoint: no credentials.
 */
final class BigQueryEmulator implements AutoCloseable {

    static final String PROJECT = "test-project";
    static final String DATASET = "d8a";

    private final Process process;
    private final int restPort;
    private final int grpcPort;
    private final BigQuery client;

    private BigQueryEmulator(Process process, int restPort, int grpcPort) {
        this.process = process;
        this.restPort = restPort;
        this.grpcPort = grpcPort;
        this.client = BigQueryOptions.newBuilder().setProjectId(PROJECT).setHost(endpoint())
                .setCredentials(NoCredentials.getInstance()).build().getService();
    }

    static BigQueryEmulator start() throws IOException, InterruptedException {
        String python = System.getProperty("d8a.test.python");
        String engines = System.getProperty("d8a.test.engines");
        if (python == null || engines == null) {
            throw new IllegalStateException("d8a.test.python and d8a.test.engines are set by the Maven build");
        }
        int rest = freePort();
        int grpc = freePort();
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path log = Files.createTempFile(target, "bqemulator-", ".log");
        Process process = new ProcessBuilder(python, Path.of(engines, "bqemulator_start.py").toString(),
                "--rest-port", Integer.toString(rest), "--grpc-port", Integer.toString(grpc), "--project", PROJECT,
                "--log-level", "warning")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BigQueryEmulator emulator = new BigQueryEmulator(process, rest, grpc);
        try {
            emulator.awaitReady(Duration.ofSeconds(90), log);
            emulator.client.create(DatasetInfo.of(DATASET));
        } catch (RuntimeException | IOException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("bqemulator exited at start:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/health").toURL()
                        .openConnection();
                connection.setConnectTimeout(1000);
                if (connection.getResponseCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("bqemulator did not answer within " + timeout + ":\n"
                + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + restPort;
    }

    String storageEndpoint() {
        return "127.0.0.1:" + grpcPort;
    }

    BigQuery client() {
        return client;
    }

    /** The driver's settings for this emulator, with {@code extra} keys. */
    BigQuerySettings settings(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("warehouse.bigquery.project_id", PROJECT,
                "warehouse.bigquery.dataset_name", DATASET, "warehouse.bigquery.endpoint", endpoint(),
                "warehouse.bigquery.storage_endpoint", storageEndpoint()));
        values.putAll(extra);
        return new BigQuerySettings(TestConfig.of(values));
    }

    /** The rows of a GoogleSQL query, each as its columns' values (null for NULL). */
    List<FieldValueList> query(String sql) throws InterruptedException {
        List<FieldValueList> rows = new ArrayList<>();
        client.query(QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false).build()).iterateAll()
                .forEach(rows::add);
        return rows;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
