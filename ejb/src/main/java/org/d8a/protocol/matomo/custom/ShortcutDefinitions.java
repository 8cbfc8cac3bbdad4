package org.d8a.protocol.matomo.custom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.d8a.columns.ColumnDefinitionException;
import org.d8a.config.ConfigEntries;
import org.d8a.config.ConfigReader;

/**
 * Reads the Matomo shortcuts {@code matomo.custom_dimensions} and {@code matomo.custom_variables}: the YAML lists, then
 * the JSON arrays of {@code MATOMO_CUSTOM_DIMENSIONS} / {@code MATOMO_CUSTOM_VARIABLES}, as the reference appends its
 * flags to the file's entries. An invalid entry stops the deployment with the reference's message.
 */
public final class ShortcutDefinitions {

    static final String DIMENSIONS = "matomo.custom_dimensions";
    static final String VARIABLES = "matomo.custom_variables";

    private ShortcutDefinitions() {
    }

    /**
     * @param takenNames output names already used by other shortcut groups ({@code ga4.params}): names must be unique
     *        across all of them
     */
    public static List<ShortcutDefinition> from(ConfigReader config, Collection<String> takenNames) {
        return from(config.propertyNames(), config::value, takenNames);
    }

    static List<ShortcutDefinition> from(Iterable<String> propertyNames, Function<String, Optional<String>> lookup,
            Collection<String> takenNames) {
        Set<String> outputNames = new HashSet<>(takenNames);
        List<ShortcutDefinition> definitions = new ArrayList<>();
        for (String group : List.of(DIMENSIONS, VARIABLES)) {
            List<Map<String, Object>> entries = ConfigEntries.read(group, propertyNames, lookup);
            for (int i = 0; i < entries.size(); i++) {
                ShortcutDefinition definition = validate(group, group + "[" + i + "]", entries.get(i));
                if (!outputNames.add(definition.columnName())) {
                    throw new ColumnDefinitionException("duplicate custom column output name "
                            + definition.columnName());
                }
                definitions.add(definition);
            }
        }
        return definitions;
    }

    private static ShortcutDefinition validate(String group, String where, Map<String, Object> entry) {
        boolean dimension = group.equals(DIMENSIONS);
        long slot = 0;
        if (dimension) {
            String slotText = text(entry.get("slot"));
            if (slotText.isEmpty() || slotText.equals("0")) {
                throw new ColumnDefinitionException(where + ".slot is required");
            }
            try {
                slot = Long.parseLong(slotText);
            } catch (NumberFormatException e) {
                throw new ColumnDefinitionException(where + ".slot must be an integer, got \"" + slotText + "\"");
            }
        }
        String name = text(entry.get("name"));
        if (name.isEmpty()) {
            throw new ColumnDefinitionException(where + ".name is required");
        }
        String scope = text(entry.get("scope"));
        scope = scope.isEmpty() ? "event" : scope;
        if (!scope.equals("event") && !scope.equals("session")) {
            throw new ColumnDefinitionException(where + ".scope has invalid value \"" + scope + "\"");
        }
        String type = text(entry.get("type"));
        if (!type.isEmpty() && !type.equals("string")) {
            throw new ColumnDefinitionException(where + ".type \"" + type + "\" is unsupported");
        }
        String columnName = text(entry.get("column_name"));
        if (columnName.isEmpty()) {
            columnName = (dimension ? "custom_dimension_" : "custom_variable_") + name;
        }
        return new ShortcutDefinition(group, slot, name, columnName, scope.equals("session"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
