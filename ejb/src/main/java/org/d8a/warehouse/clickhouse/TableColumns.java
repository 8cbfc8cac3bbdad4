package org.d8a.warehouse.clickhouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.warehouse.UnsupportedMappingException;
import org.d8a.warehouse.WarehouseException;

/** A table's columns as the server has them, from {@code system.columns}, in table order. */
final class TableColumns {

    /** {@code ORDER BY position}: the insert lists the columns in this order (the reference relied on luck). */
    private static final String COLUMNS = StatementSettings.apply("SELECT name, type, default_kind, "
            + "default_expression FROM system.columns WHERE database = ? AND table = ? ORDER BY position");
    private static final String COUNT = StatementSettings.apply(
            "SELECT COUNT(*) FROM system.columns WHERE database = ? AND table = ? AND name = ?");

    private TableColumns() {
    }

    /**
     * @return the columns by name in table order; empty when the table does not exist
     * @throws WarehouseException naming a column whose type d8a does not create: it cannot be compared or written
     */
    static Map<String, Field> read(Connection connection, String database, String table)
            throws SQLException, WarehouseException {
        Map<String, Field> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, database);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    String type = rows.getString(2);
                    try {
                        columns.put(name, ClickHouseColumnReader.field(name, type, rows.getString(3)));
                    } catch (UnsupportedMappingException e) {
                        throw new WarehouseException("column \"" + name + "\" of type " + type
                                + " is not one d8a writes: " + e.getMessage(), e);
                    }
                }
            }
        }
        return columns;
    }

    static boolean exists(Connection connection, String database, String table, String column) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COUNT)) {
            statement.setString(1, database);
            statement.setString(2, table);
            statement.setString(3, column);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }
}
