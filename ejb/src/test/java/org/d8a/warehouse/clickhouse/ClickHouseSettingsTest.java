package org.d8a.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.d8a.config.TestConfig;
import org.junit.jupiter.api.Test;

/** The ClickHouse keys and their defaults (spec/warehouses.md §2.1, with the HTTP port). */
class ClickHouseSettingsTest {

    private static ClickHouseSettings settings(Map<String, String> values) {
        return new ClickHouseSettings(TestConfig.of(values));
    }

    @Test
    void defaults() {
        ClickHouseSettings settings = settings(Map.of("warehouse.clickhouse.host", "ch.example",
                "warehouse.clickhouse.database", "analytics"));
        assertEquals("ch.example", settings.host());
        assertEquals("analytics", settings.database());
        assertEquals(8123, settings.port());
        assertEquals("", settings.username());
        assertEquals("", settings.password());
        assertEquals("property_id,date_utc,session_id", settings.orderBy());
        assertEquals("toYYYYMM(date_utc)", settings.partitionBy());
        assertEquals(false, settings.secure());
        assertEquals(true, settings.compression());
        assertEquals(Optional.empty(), settings.datasource());
    }

    @Test
    void everyKeyIsRead() {
        ClickHouseSettings settings = settings(Map.of("warehouse.clickhouse.port", "8443",
                "warehouse.clickhouse.username", "d8a", "warehouse.clickhouse.password", " secret ",
                "warehouse.clickhouse.order_by", "session_id", "warehouse.clickhouse.partition_by", "",
                "warehouse.clickhouse.secure", "true", "warehouse.clickhouse.compression", "false",
                "warehouse.clickhouse.datasource", " java:jboss/datasources/ClickHouse "));
        assertEquals(8443, settings.port());
        assertEquals("d8a", settings.username());
        assertEquals(" secret ", settings.password());
        assertEquals("session_id", settings.orderBy());
        assertEquals("", settings.partitionBy());
        assertEquals(true, settings.secure());
        assertEquals(false, settings.compression());
        assertEquals(Optional.of("java:jboss/datasources/ClickHouse"), settings.datasource());
    }

    @Test
    void hostAndDatabaseAreRequired() {
        ClickHouseSettings settings = settings(Map.of("warehouse.clickhouse.host", " "));
        assertEquals("warehouse.clickhouse.host is required with warehouse.driver clickhouse",
                assertThrows(IllegalStateException.class, settings::host).getMessage());
        assertEquals("warehouse.clickhouse.database is required with warehouse.driver clickhouse",
                assertThrows(IllegalStateException.class, settings::database).getMessage());
    }
}
