package org.d8a.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ClickHouse keys of {@link D8aConfig} and their defaults (spec/warehouses.md §2.1, with the HTTP port). */
class ClickHouseConfigTest {

    private static D8aConfig config(Map<String, String> values) {
        return TestConfig.of(values);
    }

    @Test
    void defaults() {
        D8aConfig config = config(Map.of("warehouse.clickhouse.host", "ch.example", "warehouse.clickhouse.database",
                "analytics"));
        assertEquals("ch.example", config.clickhouseHost());
        assertEquals("analytics", config.clickhouseDatabase());
        assertEquals(8123, config.clickhousePort());
        assertEquals("", config.clickhouseUsername());
        assertEquals("", config.clickhousePassword());
        assertEquals("property_id,date_utc,session_id", config.clickhouseOrderBy());
        assertEquals("toYYYYMM(date_utc)", config.clickhousePartitionBy());
        assertEquals(false, config.clickhouseSecure());
        assertEquals(Optional.empty(), config.clickhouseDatasource());
    }

    @Test
    void everyKeyIsRead() {
        D8aConfig config = config(Map.of("warehouse.clickhouse.port", "8443", "warehouse.clickhouse.username", "d8a",
                "warehouse.clickhouse.password", " secret ", "warehouse.clickhouse.order_by", "session_id",
                "warehouse.clickhouse.partition_by", "", "warehouse.clickhouse.secure", "true",
                "warehouse.clickhouse.datasource", " java:jboss/datasources/ClickHouse "));
        assertEquals(8443, config.clickhousePort());
        assertEquals("d8a", config.clickhouseUsername());
        assertEquals(" secret ", config.clickhousePassword());
        assertEquals("session_id", config.clickhouseOrderBy());
        assertEquals("", config.clickhousePartitionBy());
        assertEquals(true, config.clickhouseSecure());
        assertEquals(Optional.of("java:jboss/datasources/ClickHouse"), config.clickhouseDatasource());
    }

    @Test
    void hostAndDatabaseAreRequired() {
        D8aConfig config = config(Map.of("warehouse.clickhouse.host", " "));
        assertEquals("warehouse.clickhouse.host is required with warehouse.driver clickhouse",
                assertThrows(IllegalStateException.class, config::clickhouseHost).getMessage());
        assertEquals("warehouse.clickhouse.database is required with warehouse.driver clickhouse",
                assertThrows(IllegalStateException.class, config::clickhouseDatabase).getMessage());
    }

    @Test
    void anEmptyTableNameIsRefusedRatherThanDefaulted() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> config(Map.of("warehouse.table", "")).warehouseTable());
        assertEquals("warehouse.table must not be empty", e.getMessage());
        assertEquals("events", config(Map.of()).warehouseTable());
    }
}
