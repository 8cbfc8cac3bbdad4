package org.d8a.warehouse.clickhouse;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.WarehouseException;

/** The CREATE TABLE text of a schema, in the reference's exact shape (spec/warehouses.md §2.3, vector V1). */
public final class CreateTableStatement {

    private CreateTableStatement() {
    }

    /**
     * @param tableReference as it goes into the statement, normally {@link ClickHouseIdentifiers#table}
     * @param options already adjusted to the schema's hints ({@link TableOptions#forSchema})
     */
    public static String render(String tableReference, Schema schema, TableOptions options)
            throws WarehouseException {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(tableReference).append(" (\n");
        List<Field> fields = schema.getFields();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            sql.append("  ").append(ClickHouseIdentifiers.quote(field.getName())).append(' ')
                    .append(ClickHouseTypes.definition(field));
            sql.append(i < fields.size() - 1 ? ",\n" : "\n");
        }
        return sql.append(") ").append(suffix(options)).toString();
    }

    private static String suffix(TableOptions options) {
        List<String> lines = new ArrayList<>();
        lines.add("ENGINE = " + options.engine());
        if (!options.partitionBy().isEmpty()) {
            lines.add("PARTITION BY " + options.partitionBy());
        }
        if (!options.orderBy().isEmpty()) {
            lines.add("ORDER BY (" + String.join(", ", options.orderBy()) + ")");
        }
        if (options.indexGranularity() > 0) {
            lines.add("SETTINGS index_granularity = " + options.indexGranularity());
        }
        return String.join("\n", lines) + ";";
    }
}
