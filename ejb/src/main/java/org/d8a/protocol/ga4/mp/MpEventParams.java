package org.d8a.protocol.ga4.mp;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the fields of one Measurement Protocol event as the gtag parameters that carry the same meaning, so that the
 * event goes through the GA4 columns exactly as a gtag hit does: strings and booleans as {@code ep.}, numbers as
 * {@code epn.}, {@code items} as {@code pr1..prN}, the parameters gtag sends in fields of their own ({@code session_id},
 * {@code engagement_time_msec}, the page's location, referrer and title) in those fields, user properties as
 * {@code up.} / {@code upn.}.
 */
final class MpEventParams {

    /** Event params that gtag sends as a field of the hit rather than as {@code ep.}. */
    private static final Map<String, String> GTAG_FIELDS = Map.of("session_id", "sid", "engagement_time_msec", "_et",
            "page_location", "dl", "page_referrer", "dr", "page_title", "dt");

    /** The two-letter prefixes of gtag's item encoding. */
    private static final Map<String, String> ITEM_PREFIXES = Map.ofEntries(Map.entry("item_id", "id"),
            Map.entry("item_name", "nm"), Map.entry("affiliation", "af"), Map.entry("coupon", "cp"),
            Map.entry("discount", "ds"), Map.entry("index", "lp"), Map.entry("item_brand", "br"),
            Map.entry("item_category", "ca"), Map.entry("item_category2", "c2"), Map.entry("item_category3", "c3"),
            Map.entry("item_category4", "c4"), Map.entry("item_category5", "c5"), Map.entry("item_list_id", "li"),
            Map.entry("item_list_name", "ln"), Map.entry("item_variant", "va"), Map.entry("location_id", "lo"),
            Map.entry("price", "pr"), Map.entry("quantity", "qt"), Map.entry("promotion_id", "pi"),
            Map.entry("promotion_name", "pn"), Map.entry("creative_name", "cn"), Map.entry("creative_slot", "cs"));

    private final Map<String, List<String>> params = new LinkedHashMap<>();

    private MpEventParams() {
    }

    /** The gtag parameters of an event of a validated body. */
    static Map<String, List<String>> of(String streamId, String clientId, JsonObject body, JsonObject event) {
        MpEventParams out = new MpEventParams();
        out.put("tid", streamId);
        out.put("cid", clientId);
        if (body.get("user_id") instanceof JsonString userId && !userId.getString().isEmpty()) {
            out.put("uid", userId.getString());
        }
        out.put("en", event.getString("name"));
        if (body.get("non_personalized_ads") == JsonValue.TRUE) {
            out.put("npa", "1");
        }
        if (event.get("params") instanceof JsonObject eventParams) {
            eventParams.forEach(out::eventParam);
        }
        if (body.get("user_properties") instanceof JsonObject userProperties) {
            userProperties.forEach((name, holder) -> out.userProperty(name, holder.asJsonObject().get("value")));
        }
        return out.params;
    }

    private void eventParam(String name, JsonValue value) {
        if (name.equals("items")) {
            JsonArray items = value.asJsonArray();
            for (int i = 0; i < items.size(); i++) {
                put("pr" + (i + 1), item(items.getJsonObject(i)));
            }
        } else if (GTAG_FIELDS.containsKey(name)) {
            put(GTAG_FIELDS.get(name), text(value));
        } else {
            put((value instanceof JsonNumber ? "epn." : "ep.") + name, text(value));
        }
    }

    private void userProperty(String name, JsonValue value) {
        if (value instanceof JsonNumber) {
            put("upn." + name, text(value));
        } else if (value instanceof JsonString) {
            put("up." + name, text(value));
        }
    }

    /**
     * gtag's item string: {@code ~}-separated fields, each a two-letter prefix and its value. The encoding has no
     * escape, so a {@code ~} inside a value would start a field of its own: it becomes a space. Custom item
     * parameters have no column (as gtag's {@code k0}/{@code v0}) and are left out.
     */
    private static String item(JsonObject item) {
        List<String> fields = new ArrayList<>();
        item.forEach((name, value) -> {
            String prefix = ITEM_PREFIXES.get(name);
            if (prefix != null) {
                fields.add(prefix + text(value).replace('~', ' '));
            }
        });
        return String.join("~", fields);
    }

    /** A JSON value as gtag would have sent it in the URL: numbers in their plain decimal form. */
    static String text(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.isIntegral() ? number.bigIntegerValue().toString()
                    : number.bigDecimalValue().stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private void put(String key, String value) {
        params.put(key, List.of(value));
    }
}
