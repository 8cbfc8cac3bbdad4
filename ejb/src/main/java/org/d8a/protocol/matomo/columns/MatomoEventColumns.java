package org.d8a.protocol.matomo.columns;

import static org.d8a.columns.ColumnFields.BOOL;
import static org.d8a.columns.ColumnFields.FLOAT64;
import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.ColumnFields.member;
import static org.d8a.protocol.matomo.MatomoInterfaces.event;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.ColumnFields;
import org.d8a.columns.CoreInterfaces;
import org.d8a.columns.EventColumn;
import org.d8a.columns.casts.Casts;
import org.d8a.columns.event.DerivedEventColumn;
import org.d8a.columns.event.DeviceLanguage;
import org.d8a.columns.event.PageParams;
import org.d8a.sessions.Event;

/**
 * The event columns the Matomo protocol provides (spec/matomo-protocol.md §2.1): the core interfaces it fills from
 * Matomo parameters and its own columns, under {@code matomo.protocols.d8a.tech} ids.
 */
public final class MatomoEventColumns {

    /** Where Matomo trackers send the page URL, title and referrer. */
    public static final PageParams PAGE = new PageParams("url", "action_name", "urlref");

    private MatomoEventColumns() {
    }

    public static List<EventColumn> all() {
        List<EventColumn> columns = new ArrayList<>(coreInterfaces());
        columns.add(param("params_site_id", "idsite", MatomoParams.STR, "Matomo site id (idsite) as sent."));
        columns.add(param("params_page_view_id", "pv_id", MatomoParams.STR, "Page view id (pv_id)."));
        columns.add(param("params_goal_id", "idgoal", MatomoParams.STR, "Goal id (idgoal); 0 for ecommerce."));
        columns.add(param("params_category", "e_c", MatomoParams.STR, "Event category (e_c)."));
        columns.add(param("params_action", "e_a", MatomoParams.STR, "Event action (e_a)."));
        columns.add(param("params_value", "e_v", MatomoParams.FLOAT, "Event value (e_v)."));
        columns.add(param("params_link_url", "link", MatomoParams.UNCUT, "Outlink URL (link)."));
        columns.add(param("params_download_url", "download", MatomoParams.UNCUT, "Download URL (download)."));
        columns.add(param("params_search_term", "search", MatomoParams.UNCUT, "Site-search keyword (search)."));
        columns.add(param("params_search_keyword", "search", MatomoParams.STR,
                "Site-search keyword (search), cut to 8096 bytes."));
        columns.add(param("params_search_category", "search_cat", MatomoParams.STR,
                "Site-search category (search_cat)."));
        columns.add(param("params_search_count", "search_count", MatomoParams.INT,
                "Number of site-search results (search_count)."));
        columns.add(param("params_media_asset_id", "ma_id", MatomoParams.STR, "Media asset id (ma_id)."));
        columns.add(param("params_media_type", "ma_mt", MatomoParams.STR, "Media type (ma_mt): video or audio."));
        columns.add(param("params_content_interaction", "c_i", MatomoParams.STR, "Content interaction (c_i)."));
        columns.add(param("params_content_name", "c_n", MatomoParams.STR, "Content name (c_n)."));
        columns.add(param("params_content_piece", "c_p", MatomoParams.STR, "Content piece (c_p)."));
        columns.add(param("params_content_target", "c_t", MatomoParams.STR, "Content target (c_t)."));
        columns.add(new DerivedEventColumn(event("custom_variables"), ColumnFields.listOfStructs("custom_variables",
                List.of(member("name", UTF8), member("value", UTF8)),
                "Page-scope custom variables (cvar) as name and value, in slot order; null when none."),
                CustomVariables::of));
        columns.add(new DerivedEventColumn(event("custom_dimensions"), ColumnFields.listOfStructs(
                "custom_dimensions", List.of(member("slot", INT64), member("value", UTF8)),
                "Custom dimensions (dimensionN, last value of each) by slot; null when none."),
                CustomDimensions::of));
        columns.addAll(ecommerceColumns());
        return columns;
    }

    private static List<EventColumn> coreInterfaces() {
        return List.of(
                new DerivedEventColumn(CoreInterfaces.event("ignore_referrer"), field("ignore_referrer", BOOL)
                        .describedAs("Whether attribution ignores the referrer (ignore_referrer or ignore_referer "
                                + "is 1); null when neither is sent."),
                        MatomoEventColumns::ignoreReferrer),
                new DerivedEventColumn(CoreInterfaces.event("platform"), field("platform", UTF8).notNull()
                        .lowCardinality().describedAs("Platform of the event: web."), e -> "web"),
                new DerivedEventColumn(CoreInterfaces.event("tracking_protocol"), field("tracking_protocol", UTF8)
                        .notNull().lowCardinality().describedAs("Tracker that sent the event: matomo."),
                        e -> "matomo"),
                new DerivedEventColumn(CoreInterfaces.event("device_language"), field("device_language", UTF8)
                        .describedAs("Browser language (lang), else the raw Accept-Language header."),
                        e -> DeviceLanguage.of(e, "lang")),
                new DerivedEventColumn(CoreInterfaces.event("device_screen_resolution"),
                        field("device_screen_resolution", UTF8)
                                .describedAs("Screen resolution (res), such as 1920x1080."),
                        e -> Casts.str(e.hit().param("res"))));
    }

    private static List<EventColumn> ecommerceColumns() {
        List<EventColumn> columns = new ArrayList<>();
        columns.add(param("ecommerce_purchase_revenue", "revenue", MatomoParams.FLOAT,
                "Revenue (revenue), on any request that sends it."));
        columns.add(param("ecommerce_shipping_value", "ec_sh", MatomoParams.FLOAT, "Order shipping (ec_sh)."));
        columns.add(param("ecommerce_subtotal_value", "ec_st", MatomoParams.FLOAT, "Order subtotal (ec_st)."));
        columns.add(param("ecommerce_tax_value", "ec_tx", MatomoParams.FLOAT, "Order tax (ec_tx)."));
        columns.add(param("ecommerce_discount_value", "ec_dt", MatomoParams.FLOAT, "Order discount (ec_dt)."));
        columns.add(param("ecommerce_order_id", "ec_id", MatomoParams.STR, "Order id (ec_id)."));
        Field itemFields = ColumnFields.listOfStructs("ecommerce_items", List.of(member("sku", UTF8),
                member("name", UTF8), member("category_1", UTF8), member("category_2", UTF8),
                member("category_3", UTF8), member("category_4", UTF8), member("category_5", UTF8),
                member("price", FLOAT64), member("quantity", FLOAT64)),
                "Items of the order or cart (ec_items), in request order; invalid JSON drops the event.");
        columns.add(new DerivedEventColumn(event("ecommerce_items"), itemFields,
                e -> EcommerceItems.parse(e.hit().param("ec_items"))));
        columns.add(new DerivedEventColumn(event("ecommerce_items_total_quantity"),
                field("ecommerce_items_total_quantity", INT64)
                        .describedAs("Sum of the items' quantities, each truncated; 0 without items."),
                List.of(event("ecommerce_items")),
                e -> EcommerceItems.totalQuantity(e.values().get("ecommerce_items"))));
        columns.add(param("params_product_price", "_pkp", MatomoParams.FLOAT, "Viewed product's price (_pkp)."));
        columns.add(param("params_product_sku", "_pks", MatomoParams.STR, "Viewed product's SKU (_pks)."));
        columns.add(param("params_product_name", "_pkn", MatomoParams.STR, "Viewed product's name (_pkn)."));
        for (int n = 1; n <= ProductCategories.COUNT; n++) {
            int category = n;
            columns.add(new DerivedEventColumn(event("params_product_category_" + n),
                    field("params_product_category_" + n, UTF8).describedAs("Viewed product's category " + n
                            + " (_pkc: a JSON array of categories, or one category)."),
                    e -> ProductCategories.category(e.hit().param("_pkc"), category)));
        }
        return columns;
    }

    private static EventColumn param(String column, String key, MatomoParams kind, String description) {
        ArrowType type = switch (kind) {
            case FLOAT -> FLOAT64;
            case INT -> INT64;
            default -> UTF8;
        };
        return new DerivedEventColumn(event(column), field(column, type).describedAs(description),
                e -> kind.read(e, key));
    }

    private static Object ignoreReferrer(Event event) {
        boolean british = event.hit().getQueryParams().containsKey("ignore_referrer");
        boolean american = event.hit().getQueryParams().containsKey("ignore_referer");
        if (!british && !american) {
            return null;
        }
        return event.hit().param("ignore_referrer").equals("1") || event.hit().param("ignore_referer").equals("1");
    }
}
