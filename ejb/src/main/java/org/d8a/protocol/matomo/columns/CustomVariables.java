package org.d8a.protocol.matomo.columns;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.d8a.columns.casts.Casts;
import org.d8a.protocol.matomo.JsonText;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * Matomo custom variables (spec §2.6.3): a JSON object of slot → {@code [name, value]}; page scope in {@code cvar}
 * (event column), visit scope in {@code _cvar} (session column). Anything but an object of string arrays is no
 * variables at all; entries that are not exactly a pair are skipped.
 */
final class CustomVariables {

    /** Numeric slots first, numerically; then other keys by their UTF-8 bytes. */
    private static final Comparator<String> SLOT_ORDER = Comparator
            .comparing((String key) -> Casts.int64(key) == null)
            .thenComparing(key -> Casts.int64(key) == null ? 0L : Casts.int64(key))
            .thenComparing(CustomVariables::utf8Order);

    private CustomVariables() {
    }

    /** The page-scope variables of the event ({@code cvar}), null when none. */
    static List<Map<String, Object>> of(Event event) {
        List<Map<String, Object>> variables = new ArrayList<>();
        for (String[] pair : pairs(event.hit().param("cvar"))) {
            variables.add(entry(pair[0], pair[1]));
        }
        return variables.isEmpty() ? null : variables;
    }

    /** The visit-scope variables ({@code _cvar}) of the session, later ones overriding by name; null when none. */
    static List<Map<String, Object>> ofSession(Session session) {
        Map<String, String> byName = new TreeMap<>(CustomVariables::utf8Order);
        for (Event event : session.events()) {
            for (String[] pair : pairs(event.hit().param("_cvar"))) {
                byName.put(pair[0], pair[1]);
            }
        }
        List<Map<String, Object>> variables = new ArrayList<>();
        byName.forEach((name, value) -> variables.add(entry(name, value)));
        return variables.isEmpty() ? null : variables;
    }

    /** The pairs in slot order, duplicates kept; empty for absent or malformed JSON. */
    private static List<String[]> pairs(String json) {
        Map<String, String[]> bySlot = new TreeMap<>(SLOT_ORDER);
        if (json.isEmpty()) {
            return List.of();
        }
        if (!(JsonText.parse(json).orElse(JsonValue.NULL) instanceof JsonObject object)) {
            return List.of();
        }
        for (Map.Entry<String, JsonValue> slot : object.entrySet()) {
            Optional<List<String>> strings = strings(slot.getValue());
            if (strings.isEmpty()) {
                return List.of();
            }
            if (strings.get().size() == 2) {
                bySlot.put(slot.getKey(), strings.get().toArray(new String[0]));
            }
        }
        return new ArrayList<>(bySlot.values());
    }

    /** The array's strings, none for a JSON null; empty when it is not an array of strings. */
    private static Optional<List<String>> strings(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.of(List.of());
        }
        return value instanceof JsonArray array ? JsonText.strings(array) : Optional.empty();
    }

    private static Map<String, Object> entry(String name, String value) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("value", value);
        return entry;
    }

    private static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
