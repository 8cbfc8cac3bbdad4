package org.d8a.protocol.ga4.custom;

import java.util.ArrayList;
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
 * Reads the custom column declarations: the YAML list {@code ga4.params} (indexed keys {@code ga4.params[0].name}),
 * followed by the JSON array of the {@code GA4_PARAMS} environment variable or {@code ga4.params} system property, as
 * the reference appends its flag to the file's entries. Invalid declarations stop the deployment with the reference's
 * messages; invalid JSON is ignored with a warning, as in the reference.
 */
public final class CustomColumnDefinitions {

    private static final String KEY = "ga4.params";
    private static final Set<String> TYPES = Set.of("string", "int64", "float64");

    private CustomColumnDefinitions() {
    }

    public static List<CustomColumnDefinition> from(ConfigReader config) {
        return from(config.propertyNames(), config::value);
    }

    /**
     * @param propertyNames every configuration key
     * @param lookup the value of a configuration key
     */
    static List<CustomColumnDefinition> from(Iterable<String> propertyNames,
            Function<String, Optional<String>> lookup) {
        return validate(ConfigEntries.read(KEY, propertyNames, lookup));
    }

    /**
     * Validates raw entries (maps of name, column_name, type, scope, and our addition source: {@code params}, the
     * default, or {@code user_properties}) into definitions.
     */
    public static List<CustomColumnDefinition> validate(List<Map<String, Object>> entries) {
        List<CustomColumnDefinition> definitions = new ArrayList<>();
        Set<String> outputNames = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = entries.get(i);
            String where = KEY + "[" + i + "]";
            String name = text(entry.get("name"));
            if (name.isEmpty()) {
                throw new ColumnDefinitionException(where + ".name is required");
            }
            String scope = text(entry.get("scope"));
            if (!scope.isEmpty() && !scope.equals("event")) {
                throw new ColumnDefinitionException(where + ".scope must be \"event\" for GA4 params");
            }
            String type = text(entry.get("type"));
            type = type.isEmpty() ? "string" : type;
            if (!TYPES.contains(type)) {
                throw new ColumnDefinitionException(where + ".type \"" + type
                        + "\" is unsupported for ga4.params (use string, int64 or float64)");
            }
            String source = text(entry.get("source"));
            source = source.isEmpty() ? CustomColumnDefinition.PARAMS : source;
            if (!source.equals(CustomColumnDefinition.PARAMS)
                    && !source.equals(CustomColumnDefinition.USER_PROPERTIES)) {
                throw new ColumnDefinitionException(where + ".source \"" + source
                        + "\" is unsupported (use params or user_properties)");
            }
            String columnName = text(entry.get("column_name"));
            if (columnName.isEmpty()) {
                columnName = (source.equals(CustomColumnDefinition.PARAMS) ? "params_" : "user_property_") + name;
            }
            if (!outputNames.add(columnName)) {
                throw new ColumnDefinitionException("duplicate custom column output name " + columnName);
            }
            definitions.add(new CustomColumnDefinition(name, columnName, type, source));
        }
        return definitions;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
