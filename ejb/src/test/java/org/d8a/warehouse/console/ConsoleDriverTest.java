package org.d8a.warehouse.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.columns.ColumnFields;
import org.junit.jupiter.api.Test;

class ConsoleDriverTest {

    @Test
    void eachRowIsOneCompactJsonLineWithSortedKeysAndEveryField() {
        List<String> lines = new ArrayList<>();
        Schema schema = new Schema(List.of(Field.nullable("name", ColumnFields.UTF8),
                Field.nullable("date_utc", ColumnFields.DATE), Field.nullable("timestamp_utc", ColumnFields.TIMESTAMP),
                Field.nullable("engagement", ColumnFields.FLOAT64), Field.nullable("user_id", ColumnFields.UTF8),
                Field.nullable("params", ColumnFields.UTF8)));
        Map<String, Object> row = new HashMap<>();
        row.put("name", "page_view <a&b>");
        row.put("date_utc", LocalDate.of(2026, 11, 23));
        row.put("timestamp_utc", Instant.parse("2026-11-23T19:10:23.970Z"));
        row.put("engagement", 1.0);
        row.put("params", List.of(Map.of("name", "plan", "value_string", "pro")));
        row.put("not_in_schema", "left out");

        new ConsoleDriver(lines::add).write("events", schema, List.of(row, Map.of("name", "scroll")));

        assertEquals(List.of("{\"date_utc\":\"2026-11-23\",\"engagement\":1,"
                + "\"name\":\"page_view \\u003ca\\u0026b\\u003e\",\"params\":[{\"name\":\"plan\",\"value_string\":\"pro\"}],"
                + "\"timestamp_utc\":\"2026-11-23T19:10:23.970Z\",\"user_id\":null}",
                "{\"date_utc\":null,\"engagement\":null,\"name\":\"scroll\",\"params\":null,\"timestamp_utc\":null,"
                        + "\"user_id\":null}"), lines);
    }
}
