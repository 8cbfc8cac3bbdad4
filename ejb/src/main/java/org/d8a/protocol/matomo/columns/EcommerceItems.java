package org.d8a.protocol.matomo.columns;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.columns.BrokenEventException;
import org.d8a.columns.casts.GoFloatText;
import org.d8a.protocol.matomo.JsonText;

/**
 * The items of a Matomo ecommerce request (spec §2.6.4): {@code ec_items} is a JSON array of
 * {@code [sku, name, category, price, quantity]} arrays. Invalid JSON or a non-array breaks the event; elements that
 * are not arrays, or have no SKU, are skipped; missing fields take the reference's defaults.
 */
final class EcommerceItems {

    private static final int MAX_CATEGORIES = 5;

    private EcommerceItems() {
    }

    /** The items of {@code raw}; null when it is empty, an empty list for JSON {@code null}. */
    static List<Map<String, Object>> parse(String raw) throws BrokenEventException {
        if (raw.isEmpty()) {
            return null;
        }
        JsonValue value = JsonText.parse(raw)
                .orElseThrow(() -> new BrokenEventException("ec_items is not valid JSON"));
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return new ArrayList<>();
        }
        if (!(value instanceof JsonArray array)) {
            throw new BrokenEventException("ec_items is not a JSON array");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonValue element : array) {
            if (element instanceof JsonArray fields && !fields.isEmpty()) {
                String sku = sku(fields.get(0));
                if (!sku.isEmpty()) {
                    items.add(item(sku, fields));
                }
            }
        }
        return items;
    }

    /** Σ trunc(quantity) of the items; 0 when there are none. */
    static long totalQuantity(Object items) {
        long total = 0;
        if (items instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> fields && fields.get("quantity") instanceof Double quantity) {
                    total += (long) quantity.doubleValue();
                }
            }
        }
        return total;
    }

    private static Map<String, Object> item(String sku, JsonArray fields) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("name", fields.size() > 1 && fields.get(1) instanceof JsonString name ? name.getString() : "");
        String[] categories = categories(fields.size() > 2 ? fields.get(2) : JsonValue.NULL);
        item.put("category_1", categories[0] == null ? "" : categories[0]);
        for (int i = 1; i < MAX_CATEGORIES; i++) {
            item.put("category_" + (i + 1), categories[i]);
        }
        item.put("price", number(fields, 3, 0.0));
        item.put("quantity", number(fields, 4, 1.0));
        return item;
    }

    private static String sku(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> GoFloatText.of(((JsonNumber) value).doubleValue());
            case TRUE -> "true";
            case FALSE -> "false";
            default -> "";
        };
    }

    private static String[] categories(JsonValue value) {
        String[] categories = new String[MAX_CATEGORIES];
        if (value instanceof JsonString text && !text.getString().isEmpty()) {
            categories[0] = text.getString();
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < Math.min(MAX_CATEGORIES, array.size()); i++) {
                if (array.get(i) instanceof JsonString text && !text.getString().isEmpty()) {
                    categories[i] = text.getString();
                }
            }
        }
        return categories;
    }

    private static double number(JsonArray fields, int index, double fallback) {
        return fields.size() > index && fields.get(index) instanceof JsonNumber number ? number.doubleValue()
                : fallback;
    }
}
