package org.d8a.protocol.matomo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Interface ids of the Matomo protocol's own columns and their definition order, which places them in the table after
 * the core columns, in the order of spec/matomo-protocol.md §2.1 and §2.4. Matomo columns that implement core
 * interfaces ({@code page_location}, the event counters) keep the core ids.
 */
public final class MatomoInterfaces {

    public static final String PREFIX = "matomo.protocols.d8a.tech/";

    private static final List<String> EVENT_COLUMNS = List.of("params_site_id", "params_page_view_id",
            "params_goal_id", "params_category", "params_action", "params_value", "params_link_url",
            "params_download_url", "params_search_term", "params_search_keyword", "params_search_category",
            "params_search_count", "params_media_asset_id", "params_media_type", "params_content_interaction",
            "params_content_name", "params_content_piece", "params_content_target", "custom_variables",
            "custom_dimensions", "ecommerce_purchase_revenue", "ecommerce_shipping_value", "ecommerce_subtotal_value",
            "ecommerce_tax_value", "ecommerce_discount_value", "ecommerce_order_id", "ecommerce_items",
            "ecommerce_items_total_quantity", "params_product_price", "params_product_sku", "params_product_name",
            "params_product_category_1", "params_product_category_2", "params_product_category_3",
            "params_product_category_4", "params_product_category_5");

    /** Session interface names: the column name without {@code session_}, except the two merged lists. */
    private static final List<String> SESSION_INTERFACES = List.of("total_goal_conversions",
            "total_content_impressions", "total_content_interactions", "returning_user", "session_custom_variables",
            "session_custom_dimensions");

    /** Every Matomo protocol interface id in definition order. */
    public static final List<String> ORDER = definitionOrder();

    private MatomoInterfaces() {
    }

    /** {@code params_site_id} → {@code matomo.protocols.d8a.tech/event/params_site_id}. */
    public static String event(String columnName) {
        return PREFIX + "event/" + columnName;
    }

    /** {@code returning_user} → {@code matomo.protocols.d8a.tech/session/returning_user}. */
    public static String session(String interfaceName) {
        return PREFIX + "session/" + interfaceName;
    }

    private static List<String> definitionOrder() {
        List<String> order = new ArrayList<>();
        EVENT_COLUMNS.forEach(name -> order.add(event(name)));
        SESSION_INTERFACES.forEach(name -> order.add(session(name)));
        return Collections.unmodifiableList(order);
    }
}
