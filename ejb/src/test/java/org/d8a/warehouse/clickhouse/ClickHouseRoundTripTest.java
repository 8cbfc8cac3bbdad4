package org.d8a.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.columns.ColumnFields;
import org.d8a.warehouse.schema.SchemaGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rows of a schema like d8a's own (millisecond timestamps, dates, LowCardinality, nullable scalars, a params-like
 * Nested column) written through the driver and read back through JDBC exactly; then schema drift through the guard.
 */
class ClickHouseRoundTripTest {

    private static ChdbServer server;
    private static ClickHouseDriver driver;

    @BeforeAll
    static void start() throws Exception {
        server = ChdbServer.start();
        server.execute("CREATE DATABASE IF NOT EXISTS events_db");
        // The product's options: the configured defaults of warehouse.clickhouse.partition_by and order_by.
        driver = new ClickHouseDriver(server.dataSource("events_db"), "events_db",
                TableOptions.mergeTree("toYYYYMM(date_utc)", "property_id,date_utc,session_id"), () -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
        server.close();
    }

    private static List<Field> eventFields() {
        return List.of(
                ColumnFields.field("property_id", ColumnFields.UTF8).notNull().lowCardinality()
                        .describedAs("property"),
                ColumnFields.field("session_id", ColumnFields.UTF8).notNull().describedAs("session"),
                ColumnFields.field("date_utc", ColumnFields.DATE).notNull().codec("CODEC(Delta, LZ4)")
                        .describedAs("day of the event, UTC"),
                ColumnFields.field("timestamp_utc", ColumnFields.TIMESTAMP).notNull().codec("CODEC(Delta, LZ4)")
                        .describedAs("time of the event"),
                ColumnFields.field("name", ColumnFields.UTF8).lowCardinality().describedAs("event name"),
                ColumnFields.field("engagement_time_ms", ColumnFields.INT64).describedAs("engagement"),
                ColumnFields.field("value", ColumnFields.FLOAT64).describedAs("value"),
                ColumnFields.field("session_is_engaged", ColumnFields.BOOL).codec("CODEC(T64, LZ4)")
                        .describedAs("engaged"),
                ColumnFields.listOfStructs("params", List.of(
                        ColumnFields.member("name", ColumnFields.UTF8),
                        ColumnFields.member("value_string", ColumnFields.UTF8),
                        ColumnFields.member("value_number", ColumnFields.FLOAT64)), "event parameters"));
    }

    private static Map<String, Object> row(String session, Instant time, String name, Long engagement, Double value,
            Boolean engaged, List<Map<String, Object>> params) {
        Map<String, Object> row = new HashMap<>();
        row.put("property_id", "G-TEST");
        row.put("session_id", session);
        row.put("date_utc", LocalDate.ofInstant(time, java.time.ZoneOffset.UTC));
        row.put("timestamp_utc", time);
        row.put("name", name);
        row.put("engagement_time_ms", engagement);
        row.put("value", value);
        row.put("session_is_engaged", engaged);
        row.put("params", params);
        return row;
    }

    private static Map<String, Object> param(String name, String string, Double number) {
        Map<String, Object> param = new HashMap<>();
        param.put("name", name);
        param.put("value_string", string);
        param.put("value_number", number);
        return param;
    }

    @Test
    void rowsComeBackExactly() throws Exception {
        Schema schema = new Schema(eventFields());
        SchemaGuard.ensure(driver, "events", schema);
        assertEquals(List.of(
                "property_id\tLowCardinality(String)\t",
                "session_id\tString\t",
                "date_utc\tDate32\t",
                "timestamp_utc\tDateTime64(3)\t",
                "name\tLowCardinality(String)\tDEFAULT",
                "engagement_time_ms\tInt64\tDEFAULT",
                "value\tFloat64\tDEFAULT",
                "session_is_engaged\tBool\tDEFAULT",
                "params\tNested(name String, value_string String, value_number Float64)\t"),
                server.select("events_db", "SELECT name, type, default_kind FROM system.columns WHERE database = "
                        + "'events_db' AND table = 'events' ORDER BY position"));

        Instant late = Instant.parse("2026-02-24T23:59:59.987Z");
        driver.write("events", schema, List.of(
                row("s1", late, "page_view", 1234L, 9.75, true, List.of(
                        param("page_location", "https://example.com/a?b=c", null),
                        param("percent", null, 90.5))),
                row("s2", Instant.parse("2026-03-01T00:00:00.001Z"), null, null, null, null, null)));

        assertEquals(List.of(
                "s1\t2026-02-24\t1771977599987\tpage_view\t1234\t9.75\ttrue\t"
                        + "[('page_location','https://example.com/a?b=c',0),('percent','',90.5)]",
                "s2\t2026-03-01\t1772323200001\t\t0\t0.0\tfalse\t[]"),
                server.select("events_db", "SELECT session_id, date_utc, toUnixTimestamp64Milli(timestamp_utc), "
                        + "name, engagement_time_ms, value, session_is_engaged, toString(params) FROM events "
                        + "ORDER BY session_id"));

        try (Connection connection = server.dataSource("events_db").getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT timestamp_utc, date_utc, params.name FROM events WHERE session_id = ?")) {
            statement.setString(1, "s1");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertEquals(late, rows.getObject(1, OffsetDateTime.class).toInstant());
                assertEquals(LocalDate.of(2026, 2, 24), rows.getObject(2, LocalDate.class));
                assertEquals(List.of("page_location", "percent"), List.of((Object[]) rows.getArray(3).getArray()));
            }
        }
        assertEquals(List.of("202602", "202603"), server.select("events_db",
                "SELECT DISTINCT partition FROM system.parts WHERE database = 'events_db' AND table = 'events' "
                        + "AND active ORDER BY partition"));
    }

    @Test
    void aFieldAddedToTheSchemaBecomesAColumnAndOldRowsStay() throws Exception {
        Schema before = new Schema(eventFields());
        SchemaGuard.ensure(driver, "drift", before);
        Instant first = Instant.parse("2026-01-10T10:00:00.500Z");
        driver.write("drift", before, List.of(row("old", first, "first_visit", 1L, 1.0, false, List.of())));

        List<Field> fields = new ArrayList<>(eventFields());
        fields.add(ColumnFields.field("geo_country", ColumnFields.UTF8).lowCardinality().describedAs("country"));
        Schema after = new Schema(fields);
        assertEquals(List.of(fields.get(fields.size() - 1)), SchemaGuard.ensure(driver, "drift", after));
        assertEquals(List.of(), driver.missingColumns("drift", after));

        Map<String, Object> newRow = row("new", first.plusSeconds(60), "page_view", 2L, 2.0, true, null);
        newRow.put("geo_country", "PL");
        driver.write("drift", after, List.of(newRow));

        assertEquals(List.of("new\tpage_view\tPL\t1768039260500", "old\tfirst_visit\t\t1768039200500"),
                server.select("events_db", "SELECT session_id, name, geo_country, "
                        + "toUnixTimestamp64Milli(timestamp_utc) FROM drift ORDER BY session_id"));
        assertEquals(List.of("geo_country\tLowCardinality(String)\tDEFAULT"), server.select("events_db",
                "SELECT name, type, default_kind FROM system.columns WHERE database = 'events_db' "
                        + "AND table = 'drift' AND name = 'geo_country'"));
    }
}
