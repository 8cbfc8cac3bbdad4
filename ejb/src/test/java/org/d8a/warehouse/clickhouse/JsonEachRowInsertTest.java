package org.d8a.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.d8a.columns.ColumnFields;
import org.d8a.warehouse.WarehouseException;
import org.junit.jupiter.api.Test;

/**
 * Vectors 10, 14 and 15 of spec/warehouses.md §7 and the write formatting of §2.2. Values are sent as absolute
 * instants ({@code 2025-06-15T12:00:00Z}) where the reference sent zone-less wall-clock text
 * ({@code 2025-06-15 12:00:00}), a deliberate fix.
 */
class JsonEachRowInsertTest {

    private static String insert(List<Field> columns, Map<String, Object> row) throws WarehouseException {
        return JsonEachRowInsert.of(columns, List.of(row)).statement("`db`.`t`");
    }

    private static String line(List<Field> columns, Map<String, Object> row) throws WarehouseException {
        String sql = insert(columns, row);
        return sql.substring(sql.indexOf("FORMAT JSONEachRow\n") + "FORMAT JSONEachRow\n".length()).strip();
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static Field nullable(String name, ArrowType type) {
        return Field.nullable(name, type);
    }

    @Test
    void vector14ValuesGoInTableOrder() throws Exception {
        List<Field> physical = List.of(Field.notNullable("name", TestSchema.UTF8),
                Field.notNullable("timestamp", TestSchema.TIMESTAMP_S));
        String sql = insert(physical, row("timestamp", Instant.parse("2025-06-15T12:00:00Z"), "name", "pageview"));
        assertEquals("INSERT INTO `db`.`t` (`name`, `timestamp`)\n"
                + "SETTINGS flatten_nested = 0, max_execution_time = 60, date_time_input_format = 'best_effort'\n"
                + "FORMAT JSONEachRow\n"
                + "{\"name\":\"pageview\",\"timestamp\":\"2025-06-15T12:00:00Z\"}\n", sql);
    }

    @Test
    void vector15DatesInUtcAndUnixSeconds() throws Exception {
        List<Field> physical = List.of(Field.notNullable("date_utc", TestSchema.DATE32),
                Field.notNullable("session_first_event_time", TestSchema.TIMESTAMP_S));
        long seconds = Instant.parse("2025-06-15T12:00:00Z").getEpochSecond();
        assertEquals("{\"date_utc\":\"2025-06-15\",\"session_first_event_time\":\"2025-06-15T12:00:00Z\"}",
                line(physical, row("date_utc", Instant.parse("2025-06-15T23:30:00Z"),
                        "session_first_event_time", seconds)));
        // An instant late in the UTC day stays on that day whatever the JVM's zone.
        assertEquals("{\"date_utc\":\"2025-06-15\",\"session_first_event_time\":\"2025-06-15T12:00:00Z\"}",
                line(physical, row("date_utc", "2025-06-15", "session_first_event_time",
                        "2025-06-15T14:00:00+02:00")));
    }

    @Test
    void vector10NullListsAreEmpty() throws Exception {
        Field tags = TestSchema.list("tags", nullable("item", TestSchema.UTF8));
        Field props = TestSchema.list("properties", new Field("item", FieldType.nullable(ArrowType.Struct.INSTANCE),
                List.of(nullable("name", TestSchema.UTF8), nullable("value", TestSchema.UTF8))));
        assertEquals("{\"tags\":[],\"properties\":[]}", line(List.of(tags, props), row("tags", null)));
    }

    @Test
    void millisecondsAreKept() throws Exception {
        assertEquals("{\"t\":\"2026-02-24T14:30:45.123Z\"}", line(
                List.of(Field.notNullable("t", ColumnFields.TIMESTAMP)),
                row("t", OffsetDateTime.parse("2026-02-24T15:30:45.123+01:00"))));
    }

    @Test
    void nullsOfNullableColumnsAreZeroValues() throws Exception {
        List<Field> columns = List.of(nullable("s", TestSchema.UTF8), nullable("i", TestSchema.INT64),
                nullable("n", TestSchema.INT32), nullable("f", TestSchema.FLOAT64), nullable("g", TestSchema.FLOAT32),
                nullable("b", ArrowType.Bool.INSTANCE), nullable("d", TestSchema.DATE32),
                nullable("t", ColumnFields.TIMESTAMP));
        assertEquals("{\"s\":\"\",\"i\":0,\"n\":0,\"f\":0,\"g\":0,\"b\":false,\"d\":\"1970-01-01\","
                + "\"t\":\"1970-01-01T00:00:00Z\"}", line(columns, row("s", null)));
    }

    @Test
    void numbersKeepTheirWidth() throws Exception {
        List<Field> columns = List.of(Field.notNullable("i", TestSchema.INT64),
                Field.notNullable("n", TestSchema.INT32), Field.notNullable("f", TestSchema.FLOAT64),
                Field.notNullable("g", TestSchema.FLOAT32));
        assertEquals("{\"i\":42,\"n\":7,\"f\":3.140000104904175,\"g\":3.14}",
                line(columns, row("i", 42, "n", 7L, "f", 3.14f, "g", 3.14)));
    }

    @Test
    void wrongValuesAreRefusedWithTheColumnName() {
        assertEquals("error formatting value for column n: int64 value 17179869184 overflows int32 range",
                assertThrows(WarehouseException.class, () -> insert(List.of(Field.notNullable("n",
                        TestSchema.INT32)), row("n", 17179869184L))).getMessage());
        assertEquals("error formatting value for column i: expected int64-compatible type, got Double",
                assertThrows(WarehouseException.class, () -> insert(List.of(Field.notNullable("i",
                        TestSchema.INT64)), row("i", 1.0))).getMessage());
        assertEquals("error formatting value for column d: invalid date string \"15/06/2025\": expected YYYY-MM-DD",
                assertThrows(WarehouseException.class, () -> insert(List.of(Field.notNullable("d",
                        TestSchema.DATE32)), row("d", "15/06/2025"))).getMessage());
        assertEquals("error formatting value for column d: expected date (LocalDate, Instant or YYYY-MM-DD string),"
                        + " got Integer",
                assertThrows(WarehouseException.class, () -> insert(List.of(Field.notNullable("d",
                        TestSchema.DATE32)), row("d", 12345))).getMessage());
        assertEquals("error formatting value for column tags: null element in array",
                assertThrows(WarehouseException.class, () -> insert(List.of(TestSchema.list("tags",
                        nullable("item", TestSchema.UTF8))), row("tags", Arrays.asList("a", null)))).getMessage());
        assertEquals("error formatting value for column p: expected map for nested element, got String",
                assertThrows(WarehouseException.class, () -> insert(List.of(TestSchema.list("p", new Field("item",
                        FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(nullable("k", TestSchema.UTF8))))),
                        row("p", List.of("not a map")))).getMessage());
        assertEquals("error formatting value for column f: float value NaN cannot be written",
                assertThrows(WarehouseException.class, () -> insert(List.of(Field.notNullable("f",
                        TestSchema.FLOAT64)), row("f", Double.NaN))).getMessage());
    }

    @Test
    void aMissingKeyIsANull() throws Exception {
        assertEquals("{\"o\":\"\"}", line(List.of(nullable("o", TestSchema.UTF8)), row()));
        assertEquals("missing value for column r", assertThrows(WarehouseException.class,
                () -> insert(List.of(Field.notNullable("r", TestSchema.UTF8)), row())).getMessage());
    }

    @Test
    void jdbcEscapesInValuesAreData() throws Exception {
        assertEquals("{\"s\":\"{d '2020-01-01'} \\\"q\\\" ?\"}",
                line(List.of(Field.notNullable("s", TestSchema.UTF8)), row("s", "{d '2020-01-01'} \"q\" ?")));
    }

    @Test
    void datesAsLocalDates() throws Exception {
        assertEquals("{\"d\":\"2024-01-15\"}",
                line(List.of(Field.notNullable("d", TestSchema.DATE32)), row("d", LocalDate.of(2024, 1, 15))));
    }
}
