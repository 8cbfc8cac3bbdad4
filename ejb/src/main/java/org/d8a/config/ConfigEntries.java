package org.d8a.config;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists of objects in the configuration: a YAML list of mappings (indexed keys such as {@code filters.conditions[0].name})
 * followed by the entries of a JSON array given as the value of the key itself (an environment variable such as
 * {@code FILTERS_CONDITIONS}), which the reference appends to the file's list. Invalid JSON is ignored with a warning,
 * as in the reference: the whole value for {@link #read} ({@code GA4_PARAMS}), only the invalid entry for
 * {@link #readEach} ({@code FILTERS_CONDITIONS}, whose entries the reference parses one by one).
 */
public final class ConfigEntries {

    private static final Logger LOG = Logger.getLogger(ConfigEntries.class.getName());

    private ConfigEntries() {
    }

    /**
     * @param key the list's key, such as {@code ga4.params}
     * @param propertyNames every configuration key
     * @param lookup the value of a configuration key
     */
    public static List<Map<String, Object>> read(String key, Iterable<String> propertyNames,
            Function<String, Optional<String>> lookup) {
        List<Map<String, Object>> entries = indexed(key, propertyNames, lookup);
        lookup.apply(key).ifPresent(json -> entries.addAll(json(key, json)));
        return entries;
    }

    /** As {@link #read}, but an invalid JSON entry is skipped alone, with a warning naming its position. */
    public static List<Map<String, Object>> readEach(String key, Iterable<String> propertyNames,
            Function<String, Optional<String>> lookup) {
        List<Map<String, Object>> entries = indexed(key, propertyNames, lookup);
        lookup.apply(key).ifPresent(json -> {
            List<String> elements = JsonArrayElements.split(json);
            for (int i = 0; i < elements.size(); i++) {
                object(key, i, elements.get(i)).ifPresent(entries::add);
            }
        });
        return entries;
    }

    private static List<Map<String, Object>> indexed(String key, Iterable<String> propertyNames,
            Function<String, Optional<String>> lookup) {
        Pattern indexed = Pattern.compile(Pattern.quote(key) + "\\[(\\d+)]\\.(\\w+)");
        Map<Integer, Set<String>> fieldsByIndex = new TreeMap<>();
        for (String property : propertyNames) {
            Matcher matcher = indexed.matcher(property);
            if (matcher.matches()) {
                fieldsByIndex.computeIfAbsent(Integer.valueOf(matcher.group(1)), i -> new TreeSet<>())
                        .add(matcher.group(2));
            }
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        fieldsByIndex.forEach((index, fields) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            for (String field : fields) {
                lookup.apply(key + "[" + index + "]." + field).ifPresent(value -> entry.put(field, value));
            }
            entries.add(entry);
        });
        return entries;
    }

    private static Optional<Map<String, Object>> object(String key, int index, String json) {
        Type object = new LinkedHashMap<String, Object>() { }.getClass().getGenericSuperclass();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            Map<String, Object> entry = jsonb.fromJson(json, object);
            if (entry == null) {
                throw new JsonbException("null");
            }
            return Optional.of(entry);
        } catch (JsonbException | ClassCastException e) {
            LOG.warning(() -> "ignoring entry " + index + " of " + key + ": not a JSON object: " + json + " ("
                    + e.getMessage() + ")");
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + key, e);
        }
    }

    private static List<Map<String, Object>> json(String key, String json) {
        Type listOfObjects = new ArrayList<Map<String, Object>>() { }.getClass().getGenericSuperclass();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            List<Map<String, Object>> entries = jsonb.fromJson(json, listOfObjects);
            return entries == null ? List.of() : entries;
        } catch (JsonbException | ClassCastException e) {
            LOG.warning(() -> "ignoring " + key + ": not a JSON array of objects: " + e.getMessage());
            return List.of();
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + key, e);
        }
    }
}
