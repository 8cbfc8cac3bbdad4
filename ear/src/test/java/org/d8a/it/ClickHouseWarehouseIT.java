package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code warehouse.driver: clickhouse} against a real ClickHouse engine (chDB 26.9 behind the HTTP interface): the
 * migrate job creates the table with the spec's DDL at deployment, GA4 hits arrive as rows with millisecond timestamps
 * and nested params, a custom column added to the configuration is added to the table at the next start, old rows
 * intact, and a column whose type was changed by hand stops delivery with an error that names it.
 */
class ClickHouseWarehouseIT {

    @Test
    void rowsReachClickHouseAndANewCustomColumnExtendsTheTable() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "clickhouse-" + UUID.randomUUID());
        Path config = dir.resolve("d8a.yaml");
        try (ClickHouseEngine clickhouse = ClickHouseEngine.start(dir.resolve("chdb"))) {
            clickhouse.execute("CREATE DATABASE analytics");
            String warehouse = "warehouse:\n  driver: clickhouse\n  clickhouse:\n    host: 127.0.0.1\n    port: "
                    + clickhouse.port() + "\n    database: analytics\n";
            Files.createDirectories(dir);
            Files.writeString(config, "sessions:\n  timeout: 1s\n" + warehouse, StandardCharsets.UTF_8);
            String client = "ch-" + UUID.randomUUID();

            try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                    dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
                server.start();
                awaitTable(clickhouse);
                Map<String, String> types = columnTypes(clickhouse);
                assertEquals("DateTime64(3)", types.get("timestamp_utc"));
                assertEquals("Date32", types.get("date_utc"));
                assertEquals("LowCardinality(String)", types.get("name"));
                assertEquals("String", types.get("client_id"));
                assertEquals("Nested(name String, value_string String, value_number Float64)", types.get("params"));
                JsonObject table = clickhouse.rows("SELECT engine, partition_key, sorting_key FROM system.tables"
                        + " WHERE database = 'analytics' AND name = 'events'").get(0);
                assertEquals("MergeTree", table.getString("engine"));
                assertEquals("toYYYYMM(date_utc)", table.getString("partition_key"));
                assertEquals("property_id, date_utc, session_id", table.getString("sorting_key"));
                assertTrue(!types.containsKey("params_plan"), "no custom column yet");

                Tracker tracker = new Tracker(server.baseUri());
                long before = System.currentTimeMillis();
                assertEquals(204, tracker.get("v=2&tid=G-IT&en=page_view&cid=" + client
                        + "&dl=https%3A%2F%2Fshop.example.com%2Fpricing%3Fplan%3Dpro&dt=Pricing&ep.plan=pro&epn.seats=3")
                        .statusCode());
                long after = System.currentTimeMillis();
                List<JsonObject> rows = awaitRows(clickhouse, server.pipeline(), client, 1);
                JsonObject row = rows.get(0);
                assertEquals("page_view", row.getString("name"));
                assertEquals(client, row.getString("client_id"));
                assertEquals("https://shop.example.com/pricing?plan=pro", row.getString("page_location"));
                assertEquals("Pricing", row.getString("page_title"));
                long millis = row.getJsonNumber("ts_millis").longValue();
                assertTrue(millis >= before && millis <= after, "the receive time to the millisecond, as an absolute "
                        + "instant: " + Instant.ofEpochMilli(millis) + " not in [" + Instant.ofEpochMilli(before)
                        + ", " + Instant.ofEpochMilli(after) + "]");
                assertEquals(LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).toString(),
                        row.getString("date_utc"));
                assertEquals("[{\"name\":\"plan\",\"value_string\":\"pro\",\"value_number\":0},"
                        + "{\"name\":\"seats\",\"value_string\":\"\",\"value_number\":3}]",
                        row.get("params").toString());
                server.kill();
            }

            // The configuration gains a custom column: the next deployment's migrate job adds it to the table.
            Files.writeString(config, "sessions:\n  timeout: 1s\n" + warehouse + "ga4:\n  params:\n    - name: plan\n",
                    StandardCharsets.UTF_8);
            try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                    dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
                server.start();
                await("the custom column added").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> columnTypes(clickhouse).containsKey("params_plan"));
                assertEquals("String DEFAULT ''", columnTypes(clickhouse).get("params_plan"),
                        "the custom column was added, nullable as every custom column");
                assertEquals("params_plan", lastColumn(clickhouse), "new columns go to the end of the table");

                assertEquals(204, new Tracker(server.baseUri()).get("v=2&tid=G-IT&en=purchase&cid=" + client
                        + "&dl=https%3A%2F%2Fshop.example.com%2Fthanks&ep.plan=enterprise").statusCode());
                List<JsonObject> rows = awaitRows(clickhouse, server.pipeline(), client, 2);
                assertEquals(List.of("page_view:", "purchase:enterprise"), rows.stream()
                        .map(row -> row.getString("name") + ":" + row.getString("params_plan")).toList(),
                        "the old row is intact (the new column's default), the new one carries the value");
            }

            // Someone changes a column's type by hand: the next migration names it, and delivery to the table stops
            // with that error, the sessions kept in the spool.
            clickhouse.execute("ALTER TABLE analytics.events DROP COLUMN page_title");
            clickhouse.execute("ALTER TABLE analytics.events ADD COLUMN page_title Int64");
            try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                    dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
                server.start();
                String blocked = "ch-blocked-" + UUID.randomUUID();
                assertEquals(204, new Tracker(server.baseUri()).pageView(blocked, "https://shop.example.com/")
                        .statusCode());
                // (a delivery that ran before the deployment's migration failed on the insert itself, with
                // ClickHouse's own message; the ones after it fail with the migration's)
                JsonObject spool = SpoolEndpoint.awaitLastError(server.baseUri(), "incompatible type");
                String error = spool.getString("last_error", "");
                assertTrue(error.contains("column \"page_title\" in table \"analytics.events\" has incompatible type"),
                        "the error names the table and the column: " + spool);
                assertTrue(error.contains("existing=") && error.contains("expected="), "and both types: " + error);
                assertEquals(1, spool.getJsonNumber("depth").longValue(), "the session stays spooled: " + spool);
                assertEquals(List.of(), clickhouse.rows("SELECT id FROM analytics.events WHERE client_id = '"
                        + blocked + "'"));
            }
        }
    }

    private static void awaitTable(ClickHouseEngine clickhouse) throws Exception {
        await("analytics.events created").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250)).until(() -> !columnTypes(clickhouse).isEmpty());
        assertTrue(!columnTypes(clickhouse).isEmpty(), "the migrate job created analytics.events at deployment");
    }

    private static Map<String, String> columnTypes(ClickHouseEngine clickhouse) throws Exception {
        return clickhouse.rows("SELECT name, type, default_kind, default_expression FROM system.columns"
                        + " WHERE database = 'analytics' AND table = 'events' ORDER BY position").stream()
                .collect(Collectors.toMap(column -> column.getString("name"), column -> column.getString("type")
                        + (column.getString("default_kind").isEmpty() ? ""
                                : " " + column.getString("default_kind") + " " + column.getString("default_expression"))));
    }

    private static String lastColumn(ClickHouseEngine clickhouse) throws Exception {
        List<JsonObject> last = clickhouse.rows("SELECT name FROM system.columns WHERE database = 'analytics'"
                + " AND table = 'events' ORDER BY position DESC LIMIT 1");
        return last.get(0).getString("name");
    }

    /**
     * The client's rows, once at least {@code count} have appeared and then the server has finished with every hit it
     * accepted (so that a row written twice is there too): exactly {@code count}, each event once.
     */
    private static List<JsonObject> awaitRows(ClickHouseEngine clickhouse, Pipeline pipeline, String client,
            int count) throws Exception {
        String select = "SELECT *, toUnixTimestamp64Milli(timestamp_utc) AS ts_millis FROM analytics.events"
                + " WHERE client_id = '" + client + "' ORDER BY timestamp_utc";
        await("at least " + count + " rows of " + client).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250)).until(() -> clickhouse.rows(select).size() >= count);
        pipeline.awaitDrained(Duration.ofSeconds(60));
        List<JsonObject> rows = clickhouse.rows(select);
        assertEquals(count, rows.size(), "rows of " + client + ": " + rows);
        WarehouseRows.assertExactlyOnce(rows, count, row -> row.getString("id"));
        return rows;
    }
}
