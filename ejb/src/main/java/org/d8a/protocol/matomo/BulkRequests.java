package org.d8a.protocol.matomo;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.d8a.hits.HitRejectedException;

/**
 * The entries of a bulk body {@code {"requests": ["?idsite=1&...", ...]}} (spec §1.2), decoded as Go decodes it into a
 * struct: the member name matches case-insensitively (the last such member wins), other members ({@code token_auth})
 * are ignored, a missing or null {@code requests} is no entry, and a JSON {@code null} entry is an empty string.
 */
final class BulkRequests {

    private static final String NOT_STRINGS = "bulk body: requests must be an array of strings";

    private BulkRequests() {
    }

    static List<String> entries(String body) throws HitRejectedException {
        JsonValue parsed = JsonText.parse(body)
                .orElseThrow(() -> new HitRejectedException("bulk body is not a JSON object: invalid JSON"));
        if (!(parsed instanceof JsonObject object)) {
            throw new HitRejectedException("bulk body is not a JSON object");
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
            throw new HitRejectedException(NOT_STRINGS);
        }
        return JsonText.strings(array).orElseThrow(() -> new HitRejectedException(NOT_STRINGS));
    }
}
