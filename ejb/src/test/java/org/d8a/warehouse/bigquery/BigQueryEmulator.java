package org.d8a.warehouse.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.d8a.config.TestConfig;
import org.d8a.testengines.EngineProcess;

/**
 * A real BigQuery emulator for the driver tests: bqemulator (REST and the Storage Write API over gRPC), started by
 * {@code test-engines/bqemulator_start.py} on free ports, with one dataset, {@code d8a}. The client reaches it as the
 * product does with an {@code http} endpoint: no credentials.
 */
final class BigQueryEmulator implements AutoCloseable {

    static final String PROJECT = "test-project";
    static final String DATASET = "d8a";

    private final EngineProcess process;
    private final int restPort;
    private final int grpcPort;
    private final BigQuery client;

    private BigQueryEmulator(EngineProcess process, int restPort, int grpcPort) {
        this.process = process;
        this.restPort = restPort;
        this.grpcPort = grpcPort;
        this.client = BigQueryOptions.newBuilder().setProjectId(PROJECT).setHost(endpoint())
                .setCredentials(NoCredentials.getInstance()).build().getService();
    }

    /** Returns once its health check answers and the dataset exists. */
    static BigQueryEmulator start() throws IOException, InterruptedException {
        int rest = EngineProcess.freePort();
        int grpc = EngineProcess.freePort();
        EngineProcess process = EngineProcess.startPython("bqemulator", List.of(
                EngineProcess.engines().resolve("bqemulator_start.py").toString(),
                "--rest-port", Integer.toString(rest), "--grpc-port", Integer.toString(grpc), "--project", PROJECT,
                "--log-level", "warning"));
        BigQueryEmulator emulator = new BigQueryEmulator(process, rest, grpc);
        process.awaitHttp(URI.create(emulator.endpoint() + "/health"), Duration.ofSeconds(90));
        try {
            emulator.client.create(DatasetInfo.of(DATASET));
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        return emulator;
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
        process.close();
    }
}
