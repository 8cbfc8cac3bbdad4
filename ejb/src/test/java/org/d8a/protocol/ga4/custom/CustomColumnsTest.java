package org.d8a.protocol.ga4.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.d8a.catalog.ColumnCatalog;
import org.d8a.columns.TestEnrichment;
import org.d8a.columns.BrokenEventException;
import org.d8a.columns.ColumnDefinitionException;
import org.d8a.columns.ColumnSet;
import org.d8a.columns.TestHits;
import org.d8a.config.YamlConfigSource;
import org.d8a.hits.Hit;
import org.d8a.properties.PropertySettings;
import org.d8a.protocol.ga4.custom.CustomColumnDefinition;
import org.d8a.protocol.ga4.custom.CustomColumnDefinitions;
import org.d8a.protocol.ga4.custom.ParamCustomColumn;
import org.d8a.sessions.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom columns, vector V39 of spec/ga4-protocol-and-columns.md §8.7, and their deliberate fix for d8a. */
class CustomColumnsTest {

    private static Map<String, Object> element(String name, Double number) {
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("name", name);
        element.put("value_string", null);
        element.put("value_number", number);
        return element;
    }

    private static Event eventWithParams(Object params) {
        Event event = new Event(TestHits.bare("page_view"), TestHits.PROPERTY);
        event.values().put("params", params);
        return event;
    }

    @Test
    void picksTheLastNonNullMatchingValueAndSkipsBadRows() throws Exception {
        ParamCustomColumn column = new ParamCustomColumn(new CustomColumnDefinition("score", "ga_score", "int64"));
        Event event = eventWithParams(List.of("bad-row", element("score", null), element("score", 42.0),
                element("other", 11.0)));
        assertEquals(42L, column.value(event));
        assertEquals("customcolumns.d8a.tech/event/ga_score", column.interfaceId());
        assertEquals(List.of("ga4.protocols.d8a.tech/event/params"), column.dependsOn());
    }

    @Test
    void aUserPropertyColumnReadsTheUserPropertiesList() throws Exception {
        List<CustomColumnDefinition> definitions = CustomColumnDefinitions.validate(
                List.of(Map.of("name", "plan", "source", "user_properties")));
        assertEquals(new CustomColumnDefinition("plan", "user_property_plan", "string", "user_properties"),
                definitions.get(0));
        ParamCustomColumn column = new ParamCustomColumn(definitions.get(0));
        Event event = new Event(TestHits.bare("page_view"), TestHits.PROPERTY);
        event.values().put("params", List.of(element("plan", null)));
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", "plan");
        plan.put("value_string", "gold");
        plan.put("value_number", null);
        event.values().put("user_properties", List.of(plan));
        assertEquals("gold", column.value(event));
        assertEquals(List.of("ga4.protocols.d8a.tech/event/user_properties"), column.dependsOn());
        assertMessage("ga4.params[0].source \"cookies\" is unsupported", Map.of("name", "x", "source", "cookies"));
    }

    @Test
    void paramsThatAreNotAListBreakTheEvent() {
        ParamCustomColumn column = new ParamCustomColumn(new CustomColumnDefinition("x", "ga_invalid", "string"));
        BrokenEventException error = assertThrows(BrokenEventException.class,
                () -> column.value(eventWithParams("not-repeated")));
        assertTrue(error.getMessage().contains("read repeated records"), error.getMessage());
    }

    @Test
    void yamlEntriesComeFirstThenTheJsonOfGa4Params(@TempDir Path directory) throws Exception {
        Path yaml = Files.writeString(directory.resolve("d8a.yaml"), "ga4:\n  params:\n    - name: from_yaml\n");
        Map<String, String> flat = new LinkedHashMap<>(new YamlConfigSource(yaml).getProperties());
        flat.put("ga4.params", "[{\"name\":\"from_flag\"}]");
        List<CustomColumnDefinition> definitions =
                CustomColumnDefinitions.from(flat.keySet(), key -> Optional.ofNullable(flat.get(key)));
        assertEquals(List.of("params_from_yaml", "params_from_flag"),
                definitions.stream().map(CustomColumnDefinition::columnName).toList());
    }

    @Test
    void columnNameOverridesTheDefaultAndStringsReadValueString() {
        List<CustomColumnDefinition> definitions = CustomColumnDefinitions.validate(
                List.of(Map.of("name", "ga_param", "column_name", "ga_param_override")));
        assertEquals(new CustomColumnDefinition("ga_param", "ga_param_override", "string"), definitions.get(0));
        assertEquals("value_string", definitions.get(0).valueField());
    }

    @Test
    void invalidJsonIsIgnored() {
        Map<String, String> flat = Map.of("ga4.params", "{not json");
        assertEquals(List.of(), CustomColumnDefinitions.from(flat.keySet(), key -> Optional.ofNullable(flat.get(key))));
    }

    @Test
    void invalidDeclarationsStopWithTheReferencesMessages() {
        assertMessage("ga4.params[0].name is required", Map.of("type", "string"));
        assertMessage("ga4.params[0].scope must be \"event\"", Map.of("name", "x", "scope", "session"));
        assertMessage("ga4.params[0].type \"bool\" is unsupported", Map.of("name", "x", "type", "bool"));
        ColumnDefinitionException duplicate = assertThrows(ColumnDefinitionException.class,
                () -> CustomColumnDefinitions.validate(List.of(Map.of("name", "a", "column_name", "shared_output"),
                        Map.of("name", "b", "column_name", "shared_output"))));
        assertTrue(duplicate.getMessage().contains("duplicate custom column output name"), duplicate.getMessage());
    }

    private static void assertMessage(String expected, Map<String, Object> entry) {
        ColumnDefinitionException error = assertThrows(ColumnDefinitionException.class,
                () -> CustomColumnDefinitions.validate(List.of(entry)));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void customColumnsComeLastInTheirScopeAndWorkUnderBothProtocols() {
        List<CustomColumnDefinition> custom = List.of(new CustomColumnDefinition("score", "params_score_custom",
                "float64"), new CustomColumnDefinition("plan", "plan", "string"));
        for (String protocol : List.of("ga4", "d8a")) {
            PropertySettings property = new PropertySettings("p", "P", "-", protocol,
                    TestHits.PROPERTY.sessionTimeout(), List.of());
            ColumnSet columns = ColumnCatalog.columnsFor(property, custom, TestEnrichment.offline());
            List<String> names = columns.tableSchema().getFields().stream().map(f -> f.getName()).toList();
            int lastEvent = names.indexOf("session_hit_number") - 1;
            assertEquals(List.of("params_score_custom", "plan"), names.subList(lastEvent - 1, lastEvent + 1), protocol);

            Hit hit = TestHits.bare("purchase", "epn.score", "7.9", "ep.plan", "pro", "ep.score", "x");
            Map<String, Object> row = TestHits.write(columns, property, hit).get(0);
            assertEquals(7.9, row.get("params_score_custom"), protocol);
            assertEquals("pro", row.get("plan"), protocol);
        }
    }
}
