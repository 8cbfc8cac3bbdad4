package org.d8a.warehouse.clickhouse;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.warehouse.WarehouseException;

/**
 * One INSERT statement for a batch of rows (spec/warehouses.md §2.6): an explicit column list in the table's column
 * order and the rows as JSON lines ({@code FORMAT JSONEachRow}); a Nested column is an array of objects, which the
 * server reads as its array of tuples when {@code flatten_nested = 0}.
 */
final class JsonEachRowInsert {

    private static final JsonWriterFactory WRITERS = ClickHouseValues.JSON.createWriterFactory(Map.of());

    private JsonEachRowInsert() {
    }

    /**
     * @param columns the table's columns, as read back, in table order
     * @param rows values by column name; a missing key is a null
     */
    static String statement(String tableReference, List<Field> columns, List<Map<String, Object>> rows)
            throws WarehouseException {
        StringBuilder sql = new StringBuilder(64 + rows.size() * 256);
        sql.append("INSERT INTO ").append(tableReference).append(" (")
                .append(columns.stream().map(c -> ClickHouseIdentifiers.quote(c.getName()))
                        .collect(Collectors.joining(", ")))
                .append(")\n").append(StatementSettings.INSERT_CLAUSE).append("\nFORMAT JSONEachRow\n");
        StringWriter lines = new StringWriter();
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
        return sql.append(lines).toString();
    }
}
