package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files warehouse writing Parquet (zstd) on a server of its own, read back by DuckDB: one file per sealed segment
 * under {@code table=events/schema=<fingerprint>/...}, the columns with their Parquet types (timestamps with their
 * milliseconds, dates, lists of structs) and the values of the GA4 hits.
 */
class ParquetWarehouseIT {

    @Test
    void gaHitsBecomeParquetRowsThatDuckDbReads() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "parquet-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        Files.writeString(config, "sessions:\n  timeout: 1s\nstorage:\n  spool_directory: " + dir.resolve("spool")
                + "\nwarehouse:\n  files:\n    format: parquet\n    compression: zstd\n    max_segment_age: 1s\n"
                + "    filesystem:\n      path: " + warehouseDir + "\n", StandardCharsets.UTF_8);
        String client = "parquet-" + UUID.randomUUID();
        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            Tracker tracker = new Tracker(server.baseUri());
            long before = System.currentTimeMillis();
            assertEquals(204, tracker.get("v=2&tid=G-IT&en=page_view&cid=" + client
                    + "&dl=https%3A%2F%2Fexample.com%2Fdocs%3Fq%3Dparquet&dt=Docs&ep.plan=pro&epn.seats=3")
                    .statusCode());
            assertEquals(204, tracker.get("v=2&tid=G-IT&en=scroll&cid=" + client
                    + "&dl=https%3A%2F%2Fexample.com%2Fdocs%3Fq%3Dparquet&epn.percent_scrolled=90").statusCode());
            long after = System.currentTimeMillis();

            DuckDbQuery.Result result = awaitRows(warehouseDir, server.pipeline(dir.resolve("spool")), client, 2);
            Map<String, String> types = new HashMap<>();
            for (JsonValue column : result.columns()) {
                JsonArray pair = column.asJsonArray();
                types.put(pair.getString(0), pair.getString(1));
            }
            assertEquals("TIMESTAMP WITH TIME ZONE", types.get("timestamp_utc"));
            assertEquals("DATE", types.get("date_utc"));
            assertEquals("VARCHAR", types.get("client_id"));
            assertEquals("BIGINT", types.get("session_total_events"));
            assertEquals("STRUCT(\"name\" VARCHAR, value_number DOUBLE, value_string VARCHAR)[]", types.get("params"));

            JsonObject pageView = result.rows().get(0);
            JsonObject scroll = result.rows().get(1);
            assertEquals("page_view", pageView.getString("name"));
            assertEquals("scroll", scroll.getString("name"));
            assertEquals("https://example.com/docs?q=parquet", pageView.getString("page_location"));
            assertEquals("Docs", pageView.getString("page_title"));
            assertEquals(pageView.getString("session_id"), scroll.getString("session_id"), "one session");
            assertEquals(2, pageView.getJsonNumber("session_total_events").longValue());
            long millis = pageView.getJsonNumber("ts_millis").longValue();
            assertTrue(millis >= before && millis <= after, Instant.ofEpochMilli(millis) + " is the receive time");
            assertEquals(LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).toString(),
                    pageView.getString("date_utc"));
            // struct members in name order, as the files warehouse writes Parquet groups (spec/warehouses.md §4.7)
            assertEquals("[{\"name\":\"plan\",\"value_number\":null,\"value_string\":\"pro\"},"
                    + "{\"name\":\"seats\",\"value_number\":3.0,\"value_string\":null}]",
                    pageView.get("params").toString());
            assertEquals("[{\"name\":\"percent_scrolled\",\"value_number\":90.0,\"value_string\":null}]",
                    scroll.get("params").toString());
            try (Stream<Path> files = Files.walk(warehouseDir)) {
                List<Path> parquet = files.filter(file -> file.toString().endsWith(".parquet")).toList();
                assertTrue(!parquet.isEmpty() && parquet.stream().allMatch(file -> warehouseDir.relativize(file)
                        .toString().matches("table=events/schema=[0-9a-f]{16}/y=\\d{4}/m=\\d{2}/d=\\d{2}/"
                                + "\\d+_[0-9a-f-]{36}\\.parquet")), "files in the path template's layout: " + parquet);
            }
        }
    }

    /**
     * The client's rows, once at least {@code count} have appeared and then the server has finished with every hit it
     * accepted (so that a row written twice is there too): exactly {@code count}, each event once.
     */
    private static DuckDbQuery.Result awaitRows(Path warehouseDir, Pipeline pipeline, String client, int count)
            throws IOException, InterruptedException {
        String sql = "SELECT *, epoch_ms(timestamp_utc) AS ts_millis FROM read_parquet(?, union_by_name = true)"
                + " WHERE client_id = '" + client + "' ORDER BY timestamp_utc";
        String glob = warehouseDir.resolve("table=events") + "/**/*.parquet";
        await("at least " + count + " rows of " + client).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> hasParquet(warehouseDir) && DuckDbQuery.run(sql, glob).rows().size() >= count);
        pipeline.awaitDrained(Duration.ofSeconds(60));
        DuckDbQuery.Result result = DuckDbQuery.run(sql, glob);
        assertTrue(result != null && result.rows().size() == count, "rows of " + client + ": "
                + (result == null ? "no parquet file" : result.rows()));
        WarehouseRows.assertExactlyOnce(result.rows(), count, row -> row.getString("id"));
        return result;
    }

    private static boolean hasParquet(Path warehouseDir) throws IOException {
        if (!Files.isDirectory(warehouseDir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(warehouseDir)) {
            return files.anyMatch(file -> file.toString().endsWith(".parquet"));
        }
    }
}
