package org.d8a.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.d8a.config.TestConfig;
import org.junit.jupiter.api.Test;

class WarehouseSettingsTest {

    private static WarehouseSettings settings(Map<String, String> values) {
        return new WarehouseSettings(TestConfig.of(values));
    }

    @Test
    void theDefaultsAreTheFilesWarehouseAndTheReferencesTable() {
        assertEquals("files", settings(Map.of()).driver());
        assertEquals("events", settings(Map.of()).table());
        assertEquals("clickhouse", settings(Map.of("warehouse.driver", " clickhouse ")).driver());
        assertEquals("hits", settings(Map.of("warehouse.table", "hits")).table());
    }

    @Test
    void anEmptyTableNameIsRefusedRatherThanDefaulted() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> settings(Map.of("warehouse.table", "")).table());
        assertEquals("warehouse.table must not be empty", e.getMessage());
    }
}
