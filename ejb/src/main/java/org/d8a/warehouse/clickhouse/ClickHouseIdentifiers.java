package org.d8a.warehouse.clickhouse;

/** ClickHouse identifiers in backticks, so that any column or table name (a keyword, a space) is taken as is. */
public final class ClickHouseIdentifiers {

    private ClickHouseIdentifiers() {
    }

    /** {@code col`name} → {@code `col``name`}; an embedded backtick is doubled. */
    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** The table reference of DDL and DML: {@code `db`.`table`}. */
    public static String table(String database, String table) {
        return quote(database) + "." + quote(table);
    }
}
