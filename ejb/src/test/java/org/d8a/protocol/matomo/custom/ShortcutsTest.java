package org.d8a.protocol.matomo.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.d8a.catalog.ColumnCatalog;
import org.d8a.columns.ColumnDefinitionException;
import org.d8a.columns.ColumnSet;
import org.d8a.columns.TestEnrichment;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.d8a.properties.FilterRules;
import org.d8a.properties.JoinRules;
import org.d8a.properties.PropertySettings;
import org.d8a.properties.SplitRules;
import org.junit.jupiter.api.Test;

/** The Matomo custom-column shortcuts of spec/matomo-protocol.md §2.7. */
class ShortcutsTest {

    private static final PropertySettings MATOMO = new PropertySettings("m", "M", "-", "matomo",
            Duration.ofMinutes(30), List.of(), 0, JoinRules.DEFAULTS,
            new SplitRules(Duration.ofDays(3650), Integer.MAX_VALUE, false, false), FilterRules.NONE, "events");

    private static List<ShortcutDefinition> read(Map<String, String> keys) {
        return ShortcutDefinitions.from(keys.keySet(), key -> Optional.ofNullable(keys.get(key)), List.of());
    }

    private static Hit hit(long second, String... keyValues) {
        Hit hit = TestHits.bare("page_view", keyValues);
        hit.setClientId("visitor");
        hit.setAuthoritativeClientId("visitor");
        hit.setReceivedAtMillis(TestHits.T0 + second * 1000);
        return hit;
    }

    @Test
    void shortcutsBecomeStringColumnsOfTheirScope() {
        List<ShortcutDefinition> definitions = read(Map.of(
                "matomo.custom_dimensions[0].slot", "2", "matomo.custom_dimensions[0].name", "plan",
                "matomo.custom_dimensions[1].slot", "3", "matomo.custom_dimensions[1].name", "tier",
                "matomo.custom_dimensions[1].scope", "session", "matomo.custom_dimensions[1].column_name", "tier",
                "matomo.custom_variables", "[{\"name\":\"OS\"},{\"name\":\"Plan\",\"scope\":\"session\"}]"));
        ColumnSet columns = ColumnCatalog.columnsFor(MATOMO, List.of(), definitions, TestEnrichment.offline());
        List<String> names = columns.tableSchema().getFields().stream().map(f -> f.getName()).toList();
        assertEquals(List.of("custom_dimension_plan", "custom_variable_OS"),
                names.subList(names.indexOf("params_product_category_5") + 1,
                        names.indexOf("params_product_category_5") + 3));
        assertEquals(List.of("tier", "custom_variable_Plan"), names.subList(names.size() - 2, names.size()));

        List<Map<String, Object>> rows = TestHits.write(columns, MATOMO,
                hit(0, "dimension2", "gold", "dimension3", "old", "cvar", "{\"1\":[\"OS\",\"linux\"]}",
                        "_cvar", "{\"1\":[\"Plan\",\"Pro\"]}"),
                hit(1, "dimension3", "new", "cvar", "{\"1\":[\"OS\",\"\"]}"));
        assertEquals("gold", rows.get(0).get("custom_dimension_plan"));
        assertNull(rows.get(1).get("custom_dimension_plan"));
        assertEquals("linux", rows.get(0).get("custom_variable_OS"));
        assertNull(rows.get(1).get("custom_variable_OS"), "an empty value is null");
        assertEquals("new", rows.get(0).get("tier"));
        assertEquals("Pro", rows.get(1).get("custom_variable_Plan"));
    }

    @Test
    void invalidEntriesStopTheDeploymentWithTheReferencesMessages() {
        assertEquals("matomo.custom_dimensions[0].slot is required", assertThrows(ColumnDefinitionException.class,
                () -> read(Map.of("matomo.custom_dimensions[0].name", "plan"))).getMessage());
        assertEquals("matomo.custom_dimensions[0].type \"int64\" is unsupported",
                assertThrows(ColumnDefinitionException.class, () -> read(Map.of(
                        "matomo.custom_dimensions[0].slot", "1", "matomo.custom_dimensions[0].name", "plan",
                        "matomo.custom_dimensions[0].type", "int64"))).getMessage());
        assertEquals("matomo.custom_variables[0].scope has invalid value \"session_scoped_event\"",
                assertThrows(ColumnDefinitionException.class, () -> read(Map.of(
                        "matomo.custom_variables[0].name", "OS",
                        "matomo.custom_variables[0].scope", "session_scoped_event"))).getMessage());
        assertEquals("matomo.custom_variables[0].name is required", assertThrows(ColumnDefinitionException.class,
                () -> read(Map.of("matomo.custom_variables[0].scope", "event"))).getMessage());
        assertEquals("duplicate custom column output name params_plan", assertThrows(
                ColumnDefinitionException.class, () -> ShortcutDefinitions.from(
                        List.of("matomo.custom_variables[0].name", "matomo.custom_variables[0].column_name"),
                        key -> Optional.of(key.endsWith("name") && !key.endsWith("column_name") ? "plan"
                                : "params_plan"), List.of("params_plan"))).getMessage());
    }
}
