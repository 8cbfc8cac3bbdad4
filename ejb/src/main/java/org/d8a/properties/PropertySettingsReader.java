package org.d8a.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.d8a.config.ConfigEntries;
import org.d8a.config.ConfigReader;
import org.d8a.config.GoDuration;

/**
 * Builds property settings from configuration (spec/pipeline.md §7.2, §7.4): the default property from the reference's
 * keys, and further properties from the list {@code properties}, each entry overriding any of the default's settings:
 *
 * <pre>
 * properties:
 *   - id: shop
 *     measurement_id: G-SHOP        # the tid that resolves to this property
 *     protocol: d8a
 *     sessions: {timeout: 15m, join_by_user_id: false}
 *     settings: {ip_masking_level: 1, split_by_max_events: 500}
 *     filters: {fields: [ip_address, user_id], conditions: [...]}
 *     warehouse: {table: shop_events}   # default: warehouse.table
 *     firebase_app_id: 1:123:android:abc  # the app stream Measurement Protocol requests may name
 *     api_secrets: [s3cr3t-new, s3cr3t-old]  # accepted Measurement Protocol secrets
 * </pre>
 */
public final class PropertySettingsReader {

    private static final Pattern PROPERTY_ENTRY = Pattern.compile("properties\\[(\\d+)]\\..*");

    private final Iterable<String> propertyNames;
    private final Function<String, Optional<String>> lookup;

    /**
     * @param propertyNames every configuration key
     * @param lookup the value of a configuration key
     */
    public PropertySettingsReader(Iterable<String> propertyNames, Function<String, Optional<String>> lookup) {
        this.propertyNames = propertyNames;
        this.lookup = lookup;
    }

    /** Settings from the container's configuration: every value as it is set. */
    public PropertySettingsReader(ConfigReader config) {
        this(config.propertyNames(), config::value);
    }

    public PropertySettings defaultProperty() {
        return read(key -> lookup.apply(globalKey(key)), "filters");
    }

    /** The properties of the {@code properties} list, in order; settings they do not name are the default's. */
    public List<PropertySettings> listedProperties() {
        List<PropertySettings> properties = new ArrayList<>();
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String name : propertyNames) {
            Matcher matcher = PROPERTY_ENTRY.matcher(name);
            if (matcher.matches()) {
                indexes.add(Integer.valueOf(matcher.group(1)));
            }
        }
        for (int index : indexes) {
            String prefix = "properties[" + index + "].";
            // an app stream id names one property: an entry never takes the default property's
            Function<String, Optional<String>> entry = key -> lookup.apply(prefix + key)
                    .or(() -> key.equals("firebase_app_id") ? Optional.empty() : lookup.apply(globalKey(key)));
            if (lookup.apply(prefix + "id").isEmpty()) {
                throw new IllegalArgumentException(prefix + "id is required");
            }
            properties.add(read(entry, prefix + "filters"));
        }
        return properties;
    }

    /** The reference's key for a key of a property entry ({@code settings.x} is {@code property.settings.x}). */
    private static String globalKey(String key) {
        if (key.equals("id") || key.equals("name") || key.equals("measurement_id")
                || key.equals("firebase_app_id") || key.equals("api_secrets") || key.startsWith("settings.")) {
            return "property." + key;
        }
        return key;
    }

    private PropertySettings read(Function<String, Optional<String>> value, String filtersKey) {
        String id = value.apply("id").orElse("default");
        JoinRules join = new JoinRules(bool(value, "sessions.join_by_session_stamp", true),
                bool(value, "sessions.join_by_user_id", true));
        SplitRules split = new SplitRules(
                GoDuration.parse(value.apply("settings.split_by_time_since_first_event").orElse("12h")),
                Integer.parseInt(value.apply("settings.split_by_max_events").orElse("1000").trim()),
                bool(value, "settings.split_by_user_id", true), bool(value, "settings.split_by_campaign", true));
        List<String> fields = value.apply("filters.fields").map(PropertySettingsReader::list)
                .orElse(List.of("ip_address"));
        List<FilterCondition> conditions = conditions(filtersKey + ".conditions");
        if (conditions.isEmpty() && !filtersKey.equals("filters")) {
            conditions = conditions("filters.conditions");
        }
        return new PropertySettings(id, value.apply("name").orElse("Default property"),
                value.apply("measurement_id").orElse("-"), value.apply("protocol").orElse("ga4").trim(),
                GoDuration.parse(value.apply("sessions.timeout").orElse("30m")),
                value.apply("settings.excluded_url_params").map(PropertySettingsReader::list)
                        .orElse(PropertySettings.DEFAULT_EXCLUDED_URL_PARAMS),
                Integer.parseInt(value.apply("settings.ip_masking_level").orElse("0").trim()), join, split,
                new FilterRules(fields, conditions),
                value.apply("warehouse.table").map(String::trim).orElse(PropertySettings.DEFAULT_TABLE),
                value.apply("firebase_app_id").map(String::trim).orElse("-"),
                value.apply("api_secrets").map(PropertySettingsReader::list).orElse(List.of()));
    }

    private List<FilterCondition> conditions(String key) {
        List<FilterCondition> conditions = new ArrayList<>();
        List<Map<String, Object>> entries = ConfigEntries.readEach(key, propertyNames, lookup);
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = entries.get(i);
            String where = key + "[" + i + "]";
            String name = text(entry.get("name"));
            String type = text(entry.get("type")).toLowerCase(Locale.ROOT);
            String expression = text(entry.get("expression"));
            if (name.isEmpty() || expression.isEmpty()) {
                throw new IllegalArgumentException(where + " needs a name and an expression");
            }
            if (!type.equals("exclude") && !type.equals("allow")) {
                throw new IllegalArgumentException(where + " (" + name + "): type must be exclude or allow, not "
                        + type);
            }
            conditions.add(new FilterCondition(name, type.equals("exclude"),
                    Boolean.parseBoolean(text(entry.get("test_mode"))), expression));
        }
        return conditions;
    }

    private static boolean bool(Function<String, Optional<String>> value, String key, boolean defaultValue) {
        return value.apply(key).map(text -> Boolean.parseBoolean(text.trim())).orElse(defaultValue);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
