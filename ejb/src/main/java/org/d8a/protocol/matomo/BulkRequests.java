package org.d8a.protocol.matomo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.d8a.hits.HitRejectedException;

/**
 * The entries of a bulk body {@code {"requests": ["?idsite=1&...", ...]}} (spec §1.2), decoded as Go decodes it into a
 * struct: the member name matches case-insensitively (the last such member wins), other members ({@code token_auth})
 * are ignored, a missing or null {@code requests} is no entry, and a JSON {@code null} entry is an empty string.
 */
final class BulkRequests {

    private BulkRequests() {
    }

    static List<String> entries(String body) throws HitRejectedException {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new HitRejectedException("bulk body is not a JSON object: " + firstLine(e.getMessage()));
        }
        JsonValue requests = JsonValue.NULL;
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            if (member.getKey().equalsIgnoreCase("requests")) {
                requests = member.getValue();
            }
        }
        if (requests.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(requests instanceof JsonArray array)) {
            throw new HitRejectedException("bulk body: requests must be an array of strings");
        }
        List<String> entries = new ArrayList<>(array.size());
        for (JsonValue entry : array) {
            if (entry instanceof JsonString text) {
                entries.add(text.getString());
            } else if (entry.getValueType() == JsonValue.ValueType.NULL) {
                entries.add("");
            } else {
                throw new HitRejectedException("bulk body: requests must be an array of strings");
            }
        }
        return entries;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
