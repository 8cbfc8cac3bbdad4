package org.d8a.warehouse.clickhouse;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.warehouse.WarehouseException;

/**
 * One INSERT for a batch of rows (spec/warehouses.md §2.6): an explicit column list in the table's column order and
 * the rows as JSON lines ({@code FORMAT JSONEachRow}); a Nested column is an array of objects, which the server reads
 * as its array of tuples when {@code flatten_nested = 0}.
 *
 * @param columns the quoted column names, in table order
 * @param lines one JSON object per row, each ending with a newline
 */
record JsonEachRowInsert(List<String> columns, String lines) {

    private static final JsonWriterFactory WRITERS = ClickHouseValues.JSON.createWriterFactory(Map.of());

    /**
     * @param columns the table's columns, as read back, in table order
     * @param rows values by column name; a missing key is a null
     */
    static JsonEachRowInsert of(List<Field> columns, List<Map<String, Object>> rows) throws WarehouseException {
        StringWriter lines = new StringWriter(rows.size() * 256);
        for (Map<String, Object> row : rows) {
            JsonObjectBuilder object = ClickHouseValues.JSON.createObjectBuilder();
            for (Field column : columns) {
                Object value = row.get(column.getName());
                if (value == null && !row.containsKey(column.getName()) && !column.isNullable()
                        && !(column.getType() instanceof ArrowType.List)) {
                    throw new WarehouseException("missing value for column " + column.getName());
                }
                try {
                    object.add(column.getName(), ClickHouseValues.value(column, value));
                } catch (IllegalArgumentException e) {
                    throw new WarehouseException("error formatting value for column " + column.getName() + ": "
                            + e.getMessage(), e);
                }
            }
            try (JsonWriter writer = WRITERS.createWriter(lines)) {
                writer.writeObject(object.build());
            }
            lines.write('\n');
        }
        return new JsonEachRowInsert(columns.stream().map(c -> ClickHouseIdentifiers.quote(c.getName())).toList(),
                lines.toString());
    }

    /** The whole insert as one SQL text, data included, for any JDBC connection. */
    String statement(String tableReference) {
        return "INSERT INTO " + tableReference + " (" + String.join(", ", columns) + ")\n"
                + StatementSettings.INSERT_CLAUSE + "\nFORMAT JSONEachRow\n" + lines;
    }
}
