package org.d8a.protocol.ga4.columns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.d8a.columns.BrokenEventException;
import org.d8a.columns.casts.Casts;
import org.d8a.sessions.Event;

/**
 * The items of an ecommerce event (spec §2.10): every value of every {@code pr*} parameter is one item written as
 * {@code ~}-separated tokens of a two-letter prefix and a value. Items come in the order of the numeric suffix of their
 * {@code prN} key, then other {@code pr*} keys by name (the reference's order depends on a hash map).
 */
final class EcommerceItems {

    private static final Pattern NUMBERED = Pattern.compile("pr(\\d{1,9})");
    /** Item fields that fall back to the event's parameter column when the item lacks them. */
    private static final Map<String, String> EVENT_FALLBACKS = Map.of(
            "li", "params_item_list_id", "ln", "params_item_list_name", "pi", "params_promotion_id",
            "pn", "params_promotion_name", "cn", "params_creative_name", "cs", "params_creative_slot");

    private EcommerceItems() {
    }

    static List<Map<String, Object>> of(Event event, UsdConversion usd) throws BrokenEventException {
        boolean refund = "refund".equals(event.hit().getEventName());
        List<Map<String, Object>> items = new ArrayList<>();
        for (String key : itemKeys(event)) {
            for (String text : event.hit().getQueryParams().get(key)) {
                if (!text.isEmpty()) {
                    Map<String, String> tokens = tokens(text);
                    if (tokens.containsKey("id") || tokens.containsKey("nm")) {
                        items.add(item(tokens, event, refund, usd));
                    }
                }
            }
        }
        return items;
    }

    private static List<String> itemKeys(Event event) {
        return event.hit().getQueryParams().keySet().stream().filter(key -> key.startsWith("pr"))
                .sorted(Comparator.comparingLong(EcommerceItems::suffix).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** The number of a {@code prN} key; other {@code pr*} keys sort after every numbered one. */
    private static long suffix(String key) {
        return NUMBERED.matcher(key).matches() ? Long.parseLong(key.substring(2)) : Long.MAX_VALUE;
    }

    private static Map<String, String> tokens(String text) {
        Map<String, String> tokens = new HashMap<>();
        for (String token : text.split("~", -1)) {
            if (token.length() >= 2) {
                tokens.put(token.substring(0, 2), token.substring(2));
            }
        }
        return tokens;
    }

    private static Map<String, Object> item(Map<String, String> tokens, Event event, boolean refund,
            UsdConversion usd) throws BrokenEventException {
        double price = orZero(Casts.float64(tokens.getOrDefault("pr", "")));
        double quantity = orZero(Casts.float64(tokens.getOrDefault("qt", "")));
        double total = price * quantity;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item_id", tokens.get("id"));
        item.put("item_name", tokens.get("nm"));
        item.put("affiliation", tokens.get("af"));
        item.put("coupon", tokens.get("cp"));
        item.put("discount", Casts.float64(tokens.getOrDefault("ds", "")));
        item.put("index", Casts.float64(tokens.getOrDefault("lp", "")));
        item.put("item_brand", tokens.get("br"));
        item.put("item_category", tokens.get("ca"));
        item.put("item_category2", tokens.get("c2"));
        item.put("item_category3", tokens.get("c3"));
        item.put("item_category4", tokens.get("c4"));
        item.put("item_category5", tokens.get("c5"));
        item.put("item_list_id", withFallback(tokens, "li", event));
        item.put("item_list_name", withFallback(tokens, "ln", event));
        item.put("item_variant", tokens.get("va"));
        item.put("location_id", tokens.get("lo"));
        item.put("price", price);
        item.put("price_in_usd", usd.toUsd(event, price));
        item.put("quantity", quantity);
        item.put("item_refund", refund ? total : 0.0);
        item.put("item_refund_in_usd", usd.toUsd(event, item.get("item_refund")));
        item.put("item_revenue", refund ? 0.0 : total);
        item.put("item_revenue_in_usd", usd.toUsd(event, item.get("item_revenue")));
        item.put("promotion_id", withFallback(tokens, "pi", event));
        item.put("promotion_name", withFallback(tokens, "pn", event));
        item.put("creative_name", withFallback(tokens, "cn", event));
        item.put("creative_slot", withFallback(tokens, "cs", event));
        return item;
    }

    private static Object withFallback(Map<String, String> tokens, String prefix, Event event) {
        return tokens.containsKey(prefix) ? tokens.get(prefix) : event.values().get(EVENT_FALLBACKS.get(prefix));
    }

    private static double orZero(Double value) {
        return value == null ? 0.0 : value;
    }
}
