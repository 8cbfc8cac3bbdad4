package org.d8a.warehouse;

/** {@code AddColumn} found a column of that name already in the table. */
public class ColumnAlreadyExistsException extends WarehouseException {

    private final String tableName;
    private final String columnName;

    public ColumnAlreadyExistsException(String tableName, String columnName) {
        super("column \"" + columnName + "\" already exists in table \"" + tableName + "\"");
        this.tableName = tableName;
        this.columnName = columnName;
    }

    public String tableName() {
        return tableName;
    }

    public String columnName() {
        return columnName;
    }
}
