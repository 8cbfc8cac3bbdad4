package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code warehouse.driver: bigquery} through the running server against a real BigQuery emulator (bqemulator, REST
 * and Storage Write API), which is also the deployment test of Google's clients: their gRPC, protobuf and Guava in the
 * EAR's lib/ next to WildFly's modules. The migrate job creates the partitioned table at deployment; GA4 hits arrive
 * as rows with millisecond timestamps and nested params; a custom column added to the configuration is added to the
 * table at the next start; an outage of the warehouse keeps the sessions spooled and delivers them once when it ends;
 * a session whose row BigQuery cannot take is quarantined alone, its error naming the column and the value; and a
 * column whose type was changed by hand stops delivery with an error that names it.
 */
class BigQueryWarehouseIT {

    private static final String DATASET = "analytics";
    private static final TableId EVENTS = TableId.of(DATASET, "events");

    @Test
    void rowsReachBigQueryThroughOutagesAndSchemaChanges() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "bigquery-" + UUID.randomUUID());
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        try (BigQueryEngine bigquery = BigQueryEngine.start(dir.resolve("bq"), DATASET)) {
            String base = "sessions:\n  timeout: 1s\n" + bigquery.warehouseYaml(DATASET);
            Files.writeString(config, base, StandardCharsets.UTF_8);
            String client = "bq-" + UUID.randomUUID();

            try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                    dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
                server.start();
                awaitEventsTable(bigquery);
                StandardTableDefinition table = bigquery.table(EVENTS).getDefinition();
                FieldList fields = table.getSchema().getFields();
                assertEquals(LegacySQLTypeName.TIMESTAMP, fields.get("timestamp_utc").getType());
                assertEquals(LegacySQLTypeName.DATE, fields.get("date_utc").getType());
                assertEquals(LegacySQLTypeName.STRING, fields.get("client_id").getType());
                Field params = fields.get("params");
                assertEquals(LegacySQLTypeName.RECORD, params.getType());
                assertEquals(Field.Mode.REPEATED, params.getMode());
                assertEquals(List.of("name", "value_string", "value_number"),
                        params.getSubFields().stream().map(Field::getName).toList());
                assertEquals(TimePartitioning.Type.DAY, table.getTimePartitioning().getType());
                assertEquals("date_utc", table.getTimePartitioning().getField());
                assertTrue(fields.stream().noneMatch(field -> field.getName().equals("params_plan")));

                Tracker tracker = new Tracker(server.baseUri());
                long before = System.currentTimeMillis();
                assertEquals(204, tracker.get("v=2&tid=G-IT&en=page_view&cid=" + client
                        + "&dl=https%3A%2F%2Fshop.example.com%2Fpricing%3Fplan%3Dpro&dt=Pricing&ep.plan=pro"
                        + "&epn.seats=3").statusCode());
                long after = System.currentTimeMillis();
                FieldValueList row = awaitRows(bigquery, server.pipeline(), client, 1).get(0);
                assertEquals("page_view", row.get("name").getStringValue());
                assertEquals("https://shop.example.com/pricing?plan=pro", row.get("page_location").getStringValue());
                assertEquals("Pricing", row.get("page_title").getStringValue());
                long micros = micros(row.get("timestamp_utc"));
                assertEquals(0, micros % 1000, "milliseconds, as every warehouse here stores them");
                long millis = micros / 1000;
                assertTrue(millis >= before && millis <= after, "the receive time to the millisecond: "
                        + Instant.ofEpochMilli(millis) + " not in [" + Instant.ofEpochMilli(before) + ", "
                        + Instant.ofEpochMilli(after) + "]");
                assertEquals(LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).toString(),
                        row.get("date_utc").getStringValue());
                assertEquals(List.of("plan|pro|", "seats||3.0"), params(row), "value_number is NULL for a text param");
                server.kill();
            }

            // The configuration gains a custom column: the next deployment's migrate job adds it to the table.
            Files.writeString(config, base + "ga4:\n  params:\n    - name: plan\n", StandardCharsets.UTF_8);
            try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                    dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
                server.start();
                await("the custom column added").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(250))
                        .ignoreExceptionsMatching(BigQueryWarehouseIT::emulatorBusy)
                        .until(() -> lastField(bigquery).equals("params_plan"));
                Field plan = bigquery.table(EVENTS).getDefinition().getSchema().getFields().get("params_plan");
                assertEquals(LegacySQLTypeName.STRING, plan.getType());
                assertEquals(Field.Mode.NULLABLE, plan.getMode(), "BigQuery adds nullable columns only");

                Tracker tracker = new Tracker(server.baseUri());
                assertEquals(204, tracker.get("v=2&tid=G-IT&en=purchase&cid=" + client
                        + "&dl=https%3A%2F%2Fshop.example.com%2Fthanks&ep.plan=enterprise").statusCode());
                List<FieldValueList> rows = awaitRows(bigquery, server.pipeline(), client, 2);
                assertEquals(List.of("page_view:null", "purchase:enterprise"), rows.stream()
                        .map(each -> each.get("name").getStringValue() + ":" + each.get("params_plan").getValue())
                        .toList(), "the old row is intact (NULL in the new column), the new one carries the value");

                // The warehouse goes away: the session closes, fails its deliveries and stays spooled.
                bigquery.stop();
                String during = "bq-outage-" + UUID.randomUUID();
                assertEquals(204, tracker.pageView(during, "https://shop.example.com/outage").statusCode());
                JsonObject spool = await("a failed delivery").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(250)).until(() -> SpoolEndpoint.read(server.baseUri()),
                                seen -> !seen.getString("last_error", "").isEmpty());
                assertEquals(1, spool.getJsonNumber("depth").longValue(), "the session is spooled: " + spool);
                assertEquals(0, spool.getJsonNumber("quarantined").longValue(), spool.toString());
                bigquery.resume();
                awaitRows(bigquery, server.pipeline(), during, 1);
            }

            // Two sessions in the same delivery, one with a value BigQuery's JSON cannot carry (NaN): it alone is
            // quarantined, with an error naming the column and the value; the other is delivered.
            Files.writeString(config, base + "storage:\n  spool_max_failures: 2\n", StandardCharsets.UTF_8);
            try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                    dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
                server.start();
                Tracker tracker = new Tracker(server.baseUri());
                String bad = "bq-nan-" + UUID.randomUUID();
                String good = "bq-fine-" + UUID.randomUUID();
                assertEquals(204, tracker.get("v=2&tid=G-IT&en=page_view&cid=" + bad
                        + "&dl=https%3A%2F%2Fshop.example.com%2F&epn.score=NaN").statusCode());
                assertEquals(204, tracker.pageView(good, "https://shop.example.com/fine").statusCode());
                awaitRows(bigquery, server.pipeline(), good, 1);
                JsonObject spool = SpoolEndpoint.read(server.baseUri());
                assertEquals(1, spool.getJsonNumber("quarantined").longValue(), spool.toString());
                String error = spool.getString("last_error", "");
                assertTrue(error.contains("column params") && error.contains("NaN"),
                        "the error names the column and the value: " + spool);
                assertEquals(List.of(), rowsOf(bigquery, bad));
            }

            // Someone changes a column's type by hand: the next migration names it, and delivery to the table stops
            // with that error, the sessions kept in the spool.
            retypeColumn(bigquery, "page_title", LegacySQLTypeName.INTEGER);
            Files.writeString(config, base, StandardCharsets.UTF_8);
            try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                    dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
                server.start();
                String blocked = "bq-blocked-" + UUID.randomUUID();
                assertEquals(204, new Tracker(server.baseUri()).pageView(blocked, "https://shop.example.com/")
                        .statusCode());
                JsonObject spool = SpoolEndpoint.awaitLastError(server.baseUri(), "incompatible type");
                String error = spool.getString("last_error", "");
                assertTrue(error.contains("column \"page_title\"") && error.contains("existing=")
                        && error.contains("expected="), "the error names the column and both types: " + spool);
                assertTrue(spool.getJsonNumber("depth").longValue() >= 1, "the session stays spooled: " + spool);
                assertEquals(List.of(), rowsOf(bigquery, blocked));
            }
        }
    }

    /**
     * SIGKILL while the {@code deliver} job writes, one chunk per session ({@code chunk_size: 1}): after the restart
     * the execution the kill cut off is restarted from its checkpoint, and every session is in the table exactly once.
     * With load jobs, a chunk whose job had succeeded just before the kill, its sessions still spooled, is the same
     * chunk again after the restart: its job id is taken, the job found succeeded, nothing loaded twice. With the
     * Storage Write API, a chunk is staged in a pending stream that is committed only after the delivery's transaction
     * committed: a kill before that commit leaves rows BigQuery never shows, a kill after it leaves the stream's name
     * in the spool, and the restarted job commits it again (already committed) before it forgets the sessions.
     */
    @ParameterizedTest(name = "writer_type {0}")
    @ValueSource(strings = {"loadjob", "streaming"})
    void killDuringDeliveryThenRestartWritesEverySessionOnce(String writer) throws Exception {
        int sessions = 120;
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "bigquery-kill-" + UUID.randomUUID());
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        try (BigQueryEngine bigquery = BigQueryEngine.start(dir.resolve("bq"), DATASET)) {
            Files.writeString(config, "sessions:\n  timeout: 1s\ndelivery:\n  interval: 1h\n  chunk_size: 1\n"
                    + bigquery.warehouseYaml(DATASET) + "    writer_type: " + writer + "\n", StandardCharsets.UTF_8);
            String run = "bq-kill-" + UUID.randomUUID() + "-";
            try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                    dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
                server.start();
                awaitEventsTable(bigquery);
                Tracker tracker = new Tracker(server.baseUri());
                for (int i = 0; i < sessions; i++) {
                    assertEquals(204, tracker.pageView(run + i, "https://shop.example.com/kill").statusCode());
                }
                DeliveryKill.midDelivery(server, sessions);

                // No delivery is asked for after the restart (the interval is an hour): the execution the kill cut
                // off is restarted from its checkpoint when the application is deployed again.
                server.start();
                await("every session delivered").atMost(Duration.ofSeconds(240)).pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(500)).until(() -> SpoolEndpoint.depth(server.baseUri()) == 0);
                server.pipeline().awaitDrained(Duration.ofSeconds(60));
                List<FieldValueList> rows = rowsOfRun(bigquery, run);
                WarehouseRows.assertExactlyOnce(rows, sessions, row -> row.get("id").getStringValue());
                assertEquals(sessions, rows.stream().map(row -> row.get("client_id").getStringValue()).distinct()
                        .count(), "every session once");
            }
        }
    }

    /** The migrate job creates the table at deployment. */
    private static void awaitEventsTable(BigQueryEngine bigquery) {
        await("analytics.events created").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsMatching(BigQueryWarehouseIT::emulatorBusy)
                .until(() -> bigquery.table(EVENTS) != null);
    }

    private static List<FieldValueList> rowsOfRun(BigQueryEngine bigquery, String run) {
        return bigquery.rows(EVENTS).stream().filter(row -> row.get("client_id").getStringValue().startsWith(run))
                .toList();
    }

    /**
     * The emulator refuses a call that arrives while it serves another (one DuckDB connection serves them all), and a
     * read that meets a column being added sees rows and schema of two moments: such a poll is tried again.
     */
    private static boolean emulatorBusy(Throwable e) {
        return e instanceof BigQueryException || e instanceof IllegalArgumentException;
    }

    /** The table recreated by hand with one column of another type and the rows it had gone. */
    private static void retypeColumn(BigQueryEngine bigquery, String column, LegacySQLTypeName type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : bigquery.table(EVENTS).getDefinition().getSchema().getFields()) {
            fields.add(field.getName().equals(column) ? field.toBuilder().setType(type).build() : field);
        }
        assertTrue(bigquery.client().delete(EVENTS));
        bigquery.client().create(TableInfo.of(EVENTS, StandardTableDefinition.of(Schema.of(fields))));
    }

    private static String lastField(BigQueryEngine bigquery) {
        FieldList fields = bigquery.table(EVENTS).getDefinition().getSchema().getFields();
        return fields.get(fields.size() - 1).getName();
    }

    /** Each param as {@code name|value_string|value_number}. */
    private static List<String> params(FieldValueList row) {
        return row.get("params").getRepeatedValue().stream().map(FieldValue::getRecordValue)
                .map(param -> param.get(0).getStringValue() + "|" + text(param.get(1)) + "|"
                        + (param.get(2).isNull() ? "" : Double.toString(param.get(2).getDoubleValue())))
                .toList();
    }

    /**
     * A TIMESTAMP of tabledata.list: the emulator answers integer microseconds, as BigQuery does when asked for
     * {@code formatOptions.useInt64Timestamp}, where the client's {@code getTimestampValue} expects float seconds.
     */
    private static long micros(FieldValue value) {
        return Long.parseLong(value.getStringValue());
    }

    private static String text(FieldValue value) {
        return value.isNull() ? "" : value.getStringValue();
    }

    private static List<FieldValueList> rowsOf(BigQueryEngine bigquery, String client) {
        return bigquery.rows(EVENTS).stream().filter(row -> client.equals(row.get("client_id").getStringValue()))
                .sorted(Comparator.comparingLong(row -> micros(row.get("timestamp_utc")))).toList();
    }

    /**
     * The client's rows, once at least {@code count} have appeared and then the server has finished with every hit it
     * accepted (so that a row written twice is there too): exactly {@code count}, each event once.
     */
    static List<FieldValueList> awaitRows(BigQueryEngine bigquery, Pipeline pipeline, String client, int count) {
        // the count that matters is read once the server is drained, when nothing competes with the read
        await("at least " + count + " rows of " + client).atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptionsMatching(BigQueryWarehouseIT::emulatorBusy)
                .until(() -> rowsOf(bigquery, client).size() >= count);
        pipeline.awaitDrained(Duration.ofSeconds(60));
        List<FieldValueList> rows = rowsOf(bigquery, client);
        assertEquals(count, rows.size(), "rows of " + client + ": " + rows);
        WarehouseRows.assertExactlyOnce(rows, count, row -> row.get("id").getStringValue());
        return rows;
    }
}
