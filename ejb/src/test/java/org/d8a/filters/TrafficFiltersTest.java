package org.d8a.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.d8a.config.YamlConfigSource;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.properties.PropertySettingsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every property's traffic filter is compiled at deployment; a condition that does not compile is named. */
class TrafficFiltersTest {

    private static TrafficFilters filters(Path directory, String yaml) throws Exception {
        Path file = Files.writeString(directory.resolve("d8a.yaml"), yaml);
        Map<String, String> properties = new YamlConfigSource(file).getProperties();
        PropertySettings property = new PropertySettingsReader(properties.keySet(),
                key -> Optional.ofNullable(properties.get(key))).defaultProperty();
        TrafficFilters filters = new TrafficFilters();
        filters.properties = new PropertyRegistry(property);
        return filters;
    }

    @Test
    void aConditionThatDoesNotCompileIsRefusedWithItsName(@TempDir Path directory) throws Exception {
        TrafficFilters filters = filters(directory,
                "filters:\n  conditions:\n    - name: broken\n      type: exclude\n      expression: '=='\n");
        IllegalArgumentException badExpression = assertThrows(IllegalArgumentException.class, filters::compile);
        assertTrue(badExpression.getMessage().contains("broken"), badExpression.getMessage());
    }

    @Test
    void eachPropertyGetsItsCompiledConditions(@TempDir Path directory) throws Exception {
        TrafficFilters filters = filters(directory,
                "filters:\n  conditions:\n    - name: office\n      type: exclude\n      expression: 'true'\n");
        filters.compile();
        PropertySettings property = filters.properties.byId(null);
        assertEquals("office", filters.of(property).conditions().get(0).name());
    }
}
