package org.d8a.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Vector 11 (V11) of spec/warehouses.md §7. */
class ClickHouseIdentifiersTest {

    @Test
    void v11() {
        assertEquals("`col``name`", ClickHouseIdentifiers.quote("col`name"));
        assertEquals("`db``1`.`table name`", ClickHouseIdentifiers.table("db`1", "table name"));
        assertEquals("`select`", ClickHouseIdentifiers.quote("select"));
    }

    @Test
    void anEmptyNameIsTwoBackticks() {
        assertEquals("``", ClickHouseIdentifiers.quote(""));
    }
}
