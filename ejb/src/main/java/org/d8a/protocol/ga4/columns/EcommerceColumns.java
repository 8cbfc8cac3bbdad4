package org.d8a.protocol.ga4.columns;

import static org.d8a.columns.ColumnFields.FLOAT64;
import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.ColumnFields.member;
import static org.d8a.protocol.ga4.Ga4Interfaces.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.d8a.columns.ColumnFields;
import org.d8a.columns.CoreInterfaces;
import org.d8a.columns.EventColumn;
import org.d8a.columns.casts.Casts;
import org.d8a.columns.event.DerivedEventColumn;
import org.d8a.sessions.Event;

/**
 * {@code ecommerce_items} and the ecommerce aggregates of spec §2.10, with their currency-converted {@code *_in_usd}
 * columns and item fields (§5).
 */
final class EcommerceColumns {

    private static final String ITEMS = "ecommerce_items";

    private EcommerceColumns() {
    }

    static List<EventColumn> all(UsdConversion usd) {
        List<String> onItems = List.of(event(ITEMS));
        List<EventColumn> columns = new ArrayList<>(List.of(
                new DerivedEventColumn(event(ITEMS), ColumnFields.listOfStructs(ITEMS, List.of(
                        member("item_id", UTF8), member("item_name", UTF8), member("affiliation", UTF8),
                        member("coupon", UTF8), member("discount", FLOAT64), member("index", FLOAT64),
                        member("item_brand", UTF8), member("item_category", UTF8), member("item_category2", UTF8),
                        member("item_category3", UTF8), member("item_category4", UTF8),
                        member("item_category5", UTF8), member("item_list_id", UTF8), member("item_list_name", UTF8),
                        member("item_variant", UTF8), member("location_id", UTF8), member("price", FLOAT64),
                        member("price_in_usd", FLOAT64), member("quantity", FLOAT64),
                        member("item_refund", FLOAT64), member("item_refund_in_usd", FLOAT64),
                        member("item_revenue", FLOAT64), member("item_revenue_in_usd", FLOAT64),
                        member("promotion_id", UTF8), member("promotion_name", UTF8), member("creative_name", UTF8),
                        member("creative_slot", UTF8)),
                        "Items of the event (pr1, pr2, ...), with list, promotion and creative falling back to the "
                                + "event's parameters."),
                        List.of(event("params_item_list_id"), event("params_item_list_name"),
                                event("params_creative_name"), event("params_creative_slot"),
                                event("params_promotion_id"), event("params_promotion_name"),
                                CoreInterfaces.event("name"), event("params_currency")),
                        e -> EcommerceItems.of(e, usd)),
                new DerivedEventColumn(event("ecommerce_purchase_revenue"), field("ecommerce_purchase_revenue",
                        FLOAT64).describedAs("Sum of item revenue (price × quantity) on purchase events; 0 otherwise."),
                        onItems, e -> "purchase".equals(name(e)) ? sum(e, "item_revenue") : 0.0),
                new DerivedEventColumn(event("ecommerce_refund_value"), field("ecommerce_refund_value", FLOAT64)
                        .describedAs("Sum of item refunds (price × quantity) on refund events; 0 otherwise."),
                        onItems, e -> "refund".equals(name(e)) ? sum(e, "item_refund") : 0.0),
                new DerivedEventColumn(event("ecommerce_shipping_value"), field("ecommerce_shipping_value", FLOAT64)
                        .describedAs("Shipping (epn.shipping) of purchase and refund events; 0 otherwise."),
                        List.of(event("params_shipping")), EcommerceColumns::shipping),
                new DerivedEventColumn(event("ecommerce_tax_value"), field("ecommerce_tax_value", FLOAT64)
                        .describedAs("Tax of the event (epn.tax); null when not sent."),
                        List.of(), e -> Casts.float64(e.hit().param("epn.tax"))),
                new DerivedEventColumn(event("ecommerce_unique_items"), field("ecommerce_unique_items", INT64)
                        .describedAs("Number of distinct item ids among the event's items (items without an id "
                                + "are not counted, as in the reference)."),
                        onItems, EcommerceColumns::uniqueItems),
                new DerivedEventColumn(event("ecommerce_items_total_quantity"),
                        field("ecommerce_items_total_quantity", INT64)
                                .describedAs("Sum of the items' quantities, each truncated to a whole number."),
                        onItems, EcommerceColumns::totalQuantity)));
        for (String amount : List.of("ecommerce_purchase_revenue", "ecommerce_refund_value",
                "ecommerce_shipping_value", "ecommerce_tax_value")) {
            columns.add(new DerivedEventColumn(event(amount + "_in_usd"), field(amount + "_in_usd", FLOAT64)
                    .describedAs(amount + " in US dollars, at the newest rates snapshot, rounded to cents; null "
                            + "without a currency (cu, else ep.currency) or a rate for it."),
                    List.of(event("params_currency"), event(amount)),
                    e -> usd.toUsd(e, e.values().get(amount))));
        }
        return columns;
    }

    private static String name(Event event) {
        return event.hit().getEventName();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Event event) {
        Object items = event.values().get(ITEMS);
        return items == null ? List.of() : (List<Map<String, Object>>) items;
    }

    private static double sum(Event event, String field) {
        double total = 0.0;
        for (Map<String, Object> item : items(event)) {
            total += (Double) item.get(field);
        }
        return total;
    }

    private static Object shipping(Event event) {
        if (!"purchase".equals(name(event)) && !"refund".equals(name(event))) {
            return 0.0;
        }
        Object shipping = event.values().get("params_shipping");
        return shipping == null ? 0.0 : shipping;
    }

    private static Object uniqueItems(Event event) {
        Set<Object> ids = new HashSet<>();
        for (Map<String, Object> item : items(event)) {
            if (item.get("item_id") != null) {
                ids.add(item.get("item_id"));
            }
        }
        return (long) ids.size();
    }

    private static Object totalQuantity(Event event) {
        long total = 0;
        for (Map<String, Object> item : items(event)) {
            total += (long) (double) (Double) item.get("quantity");
        }
        return total;
    }
}
