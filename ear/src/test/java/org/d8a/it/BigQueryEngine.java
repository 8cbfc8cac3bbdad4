package org.d8a.it;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real BigQuery for the server tests: bqemulator (REST and the Storage Write API) started by
 * {@code test-engines/bqemulator_start.py} on two free loopback ports, its data in a DuckDB file under the test's
 * directory, so that it can be stopped (a warehouse outage) and started again on the same ports with its tables.
 * The test reads the rows back with Google's client, as an analyst's tool would.
 */
final class BigQueryEngine implements AutoCloseable {

    static final String PROJECT = "it-project";

    private final Path data;
    private final int restPort;
    private final int grpcPort;
    private final BigQuery client;
    private Process process;

    private BigQueryEngine(Path data, int restPort, int grpcPort) {
        this.data = data;
        this.restPort = restPort;
        this.grpcPort = grpcPort;
        this.client = BigQueryOptions.newBuilder().setProjectId(PROJECT).setHost(endpoint())
                .setCredentials(NoCredentials.getInstance()).build().getService();
    }

    /** Starts the emulator with an empty {@code dataset}. */
    static BigQueryEngine start(Path data, String dataset) throws Exception {
        BigQueryEngine engine = new BigQueryEngine(data, freePort(), freePort());
        try {
            engine.resume();
            engine.client.create(DatasetInfo.of(dataset));
        } catch (Exception e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** Stops the emulator as an outage would: its ports refuse connections, its data stays. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts the stopped emulator again on the same ports, with the data it had. */
    void resume() throws IOException, InterruptedException {
        String python = System.getProperty("d8a.test.python");
        String engines = System.getProperty("d8a.test.engines");
        if (python == null || !Files.isExecutable(Path.of(python))) {
            throw new IllegalStateException("no test engine at " + python + ": run test-engines/setup.sh");
        }
        Files.createDirectories(data);
        Path log = data.resolveSibling(data.getFileName() + ".log");
        process = new ProcessBuilder(python, Path.of(engines, "bqemulator_start.py").toString(),
                "--rest-port", Integer.toString(restPort), "--grpc-port", Integer.toString(grpcPort),
                "--project", PROJECT, "--persistent", "--data-dir", data.toString(), "--log-level", "warning")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("bqemulator exited at start:\n" + Files.readString(log));
            }
            if (answers()) {
                return;
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("bqemulator did not answer within 120 s:\n" + Files.readString(log));
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/health").toURL()
                    .openConnection();
            connection.setConnectTimeout(1000);
            return connection.getResponseCode() < 500;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The server's configuration for this emulator: the driver, the project, the dataset and the endpoints. */
    String warehouseYaml(String dataset) {
        return "warehouse:\n  driver: bigquery\n  bigquery:\n    project_id: " + PROJECT + "\n    dataset_name: "
                + dataset + "\n    query_timeout: 10s\n    endpoint: " + endpoint()
                + "\n    storage_endpoint: 127.0.0.1:" + grpcPort + "\n";
    }

    private String endpoint() {
        return "http://127.0.0.1:" + restPort;
    }

    BigQuery client() {
        return client;
    }

    /** The table, or null while it does not exist. */
    Table table(TableId id) {
        return client.getTable(id);
    }

    /** Every row of the table, read through tabledata.list with the table's schema. */
    List<FieldValueList> rows(TableId id) {
        Schema schema = client.getTable(id).getDefinition().getSchema();
        List<FieldValueList> rows = new ArrayList<>();
        client.listTableData(id, schema).iterateAll().forEach(rows::add);
        return rows;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
