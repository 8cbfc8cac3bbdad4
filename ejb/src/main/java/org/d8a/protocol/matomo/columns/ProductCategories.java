package org.d8a.protocol.matomo.columns;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.List;
import org.d8a.protocol.matomo.JsonText;

/**
 * The product-view categories of {@code _pkc} (spec §2.6.5): a JSON array of strings gives categories 1..5 (empty
 * strings kept); JSON {@code null} or an empty array gives none; anything else is one category, the raw text.
 */
final class ProductCategories {

    static final int COUNT = 5;

    private ProductCategories() {
    }

    /** Category {@code n} (1-based) of {@code raw}, null when there is none. */
    static String category(String raw, int n) {
        List<String> categories = parse(raw);
        return n <= categories.size() ? categories.get(n - 1) : null;
    }

    private static List<String> parse(String raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        JsonValue value = JsonText.parse(raw).orElse(null);
        if (value != null && value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            return List.of(raw);
        }
        List<String> categories = JsonText.strings(array).orElse(List.of(raw));
        return categories.subList(0, Math.min(COUNT, categories.size()));
    }
}
