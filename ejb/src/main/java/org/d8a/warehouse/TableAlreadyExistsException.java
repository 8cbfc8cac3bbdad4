package org.d8a.warehouse;

/** {@code CreateTable} found the table already there; the schema guard goes on to compare its columns. */
public class TableAlreadyExistsException extends WarehouseException {

    private final String tableName;

    public TableAlreadyExistsException(String tableName) {
        super("table \"" + tableName + "\" already exists");
        this.tableName = tableName;
    }

    public String tableName() {
        return tableName;
    }
}
