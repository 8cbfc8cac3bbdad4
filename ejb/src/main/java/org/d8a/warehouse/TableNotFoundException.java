package org.d8a.warehouse;

/** The table a driver was asked about does not exist. */
public class TableNotFoundException extends WarehouseException {

    private final String tableName;

    /** @param tableName qualified as the warehouse names it ({@code db.table}, {@code dataset.table}) */
    public TableNotFoundException(String tableName) {
        super("table \"" + tableName + "\" not found");
        this.tableName = tableName;
    }

    public String tableName() {
        return tableName;
    }
}
