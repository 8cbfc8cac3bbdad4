package org.d8a.columns.custom;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.d8a.columns.ColumnDefinitionException;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the custom column declarations: the YAML list {@code ga4.params} (indexed keys {@code ga4.params[0].name}),
 * followed by the JSON array of the {@code GA4_PARAMS} environment variable or {@code ga4.params} system property, as
 * the reference appends its flag to the file's entries. Invalid declarations stop the deployment with the reference's
 * messages; invalid JSON is ignored with a warning, as in the reference.
 */
public final class CustomColumnDefinitions {

    private static final Logger LOG = Logger.getLogger(CustomColumnDefinitions.class.getName());
    private static final String KEY = "ga4.params";
    private static final Pattern INDEXED = Pattern.compile(Pattern.quote(KEY) + "\\[(\\d+)]\\.(\\w+)");
    private static final Set<String> TYPES = Set.of("string", "int64", "float64");

    private CustomColumnDefinitions() {
    }

    public static List<CustomColumnDefinition> from(Config config) {
        return from(config.getPropertyNames(), key -> config.getOptionalValue(key, String.class));
    }

    /**
     * @param propertyNames every configuration key
     * @param lookup the value of a configuration key
     */
    static List<CustomColumnDefinition> from(Iterable<String> propertyNames,
            Function<String, Optional<String>> lookup) {
        List<Map<String, Object>> entries = new ArrayList<>(yamlEntries(propertyNames, lookup));
        lookup.apply(KEY).ifPresent(json -> entries.addAll(jsonEntries(json)));
        return validate(entries);
    }

    /** Validates raw entries (maps of name, column_name, type, scope) into definitions. */
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
            String columnName = text(entry.get("column_name"));
            columnName = columnName.isEmpty() ? "params_" + name : columnName;
            if (!outputNames.add(columnName)) {
                throw new ColumnDefinitionException("duplicate custom column output name " + columnName);
            }
            definitions.add(new CustomColumnDefinition(name, columnName, type));
        }
        return definitions;
    }

    private static List<Map<String, Object>> yamlEntries(Iterable<String> propertyNames,
            Function<String, Optional<String>> lookup) {
        Set<Integer> indexes = new TreeSet<>();
        for (String property : propertyNames) {
            Matcher matcher = INDEXED.matcher(property);
            if (matcher.matches()) {
                indexes.add(Integer.valueOf(matcher.group(1)));
            }
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int index : indexes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            for (String field : List.of("name", "column_name", "type", "scope")) {
                lookup.apply(KEY + "[" + index + "]." + field).ifPresent(value -> entry.put(field, value));
            }
            entries.add(entry);
        }
        return entries;
    }

    private static List<Map<String, Object>> jsonEntries(String json) {
        Type listOfObjects = new ArrayList<Map<String, Object>>() { }.getClass().getGenericSuperclass();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            List<Map<String, Object>> entries = jsonb.fromJson(json, listOfObjects);
            return entries == null ? List.of() : entries;
        } catch (JsonbException | ClassCastException e) {
            LOG.warning(() -> "ignoring " + KEY + " (GA4_PARAMS): not a JSON array of objects: " + e.getMessage());
            return List.of();
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + KEY, e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
