package org.d8a.protocol.matomo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON in Matomo parameters and bodies, read as the reference's Go decoder reads it into strings: a JSON
 * {@code null} element of a string array is {@code ""}, any other non-string element fails the whole array.
 */
public final class JsonText {

    private JsonText() {
    }

    /** The JSON value of {@code text}; empty when it is not valid JSON. */
    public static Optional<JsonValue> parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return Optional.of(reader.readValue());
        } catch (RuntimeException e) {
            // JsonException and IllegalStateException for what is no JSON; a bare RuntimeException from Parsson for
            // what is nested deeper than jakarta.json.maxDepth (1000), which the reference's decoder refuses as well
            return Optional.empty();
        }
    }

    /** The elements of a string array; empty when an element is neither a string nor null. */
    public static Optional<List<String>> strings(JsonArray array) {
        List<String> strings = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (element instanceof JsonString text) {
                strings.add(text.getString());
            } else if (element.getValueType() == JsonValue.ValueType.NULL) {
                strings.add("");
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(strings);
    }
}
