package org.d8a.protocol.ga4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Interface ids of the GA4 protocol's own columns ({@code ga4.protocols.d8a.tech/...}) and their definition order, which
 * places them in the table after the core columns (spec/ga4-protocol-and-columns.md §2.4, §2.7, §2.9, §2.12-2.13).
 * Under the d8a protocol every id is renamed by {@link #forProtocol}.
 */
public final class Ga4Interfaces {

    public static final String PREFIX = "ga4.protocols.d8a.tech/";

    /** The five click-id params whose ids use the plural {@code events/} segment. */
    private static final Set<String> PLURAL_EVENT_IDS =
            Set.of("params_aclid", "params_anid", "params_dclid", "params_gclid", "params_srsltid");

    private static final List<String> EVENT_COLUMNS = List.of("measurement_id", "params_ignore_referrer",
            "params_engagement_time_ms", "ecommerce_purchase_revenue", "ecommerce_purchase_revenue_in_usd",
            "ecommerce_refund_value", "ecommerce_refund_value_in_usd", "ecommerce_shipping_value",
            "ecommerce_shipping_value_in_usd", "ecommerce_tax_value", "ecommerce_tax_value_in_usd",
            "ecommerce_items_total_quantity", "ecommerce_unique_items", "ecommerce_items", "client_session_id",
            "client_session_number", "gtm_debug", "page_load_hash", "params", "user_properties",
            "params_aclid", "privacy_ads_storage",
            "privacy_analytics_storage", "params_anid", "params_achievement_id", "params_ad_event_id",
            "params_ad_unit_code", "params_app_version", "params_campaign", "params_campaign_content",
            "params_campaign_id", "params_campaign_medium", "params_campaign_source", "params_campaign_term",
            "params_cancellation_reason", "params_character", "params_content_description", "params_content_group",
            "params_content_id", "params_content_type", "params_coupon", "params_creative_name",
            "params_creative_slot", "params_currency", "params_dclid", "params_deferred_analytics_collection",
            "params_disqualified_lead_reason", "params_exposure_time", "params_fatal", "params_file_extension",
            "params_file_name", "params_firebase_error", "params_firebase_error_value",
            "params_firebase_previous_class", "params_firebase_previous_id", "params_firebase_previous_screen",
            "params_firebase_screen", "params_firebase_screen_class", "params_firebase_screen_id",
            "params_form_destination", "params_form_id", "params_form_name", "params_form_submit_text",
            "params_free_trial", "params_ga_session_id", "params_ga_session_number", "params_gclid",
            "params_group_id", "params_introductory_price", "params_item_list_id", "params_item_list_name",
            "params_item_name", "params_label", "params_language", "params_lead_source", "params_lead_status",
            "params_level", "params_level_name", "params_link_classes", "params_link_domain", "params_link_id",
            "params_link_text", "params_link_url", "params_message_device_time", "params_message_id",
            "params_message_name", "params_message_time", "params_message_type", "params_method", "params_outbound",
            "params_payment_type", "params_percent_scrolled", "params_previous_app_version",
            "params_previous_first_open_count", "params_previous_gmp_app_id", "params_previous_os_version",
            "params_price", "params_product_id", "params_promotion_id", "params_promotion_name", "params_quantity",
            "params_renewal_count", "params_reset_analytics_cause", "params_reward_type", "params_reward_value",
            "params_score", "params_screen_resolution", "params_search_term", "params_shipping",
            "params_shipping_tier", "params_srsltid", "params_subscription", "params_success", "params_system_app",
            "params_system_app_update", "params_tax", "params_topic", "params_transaction_id",
            "params_unconvert_lead_reason", "params_updated_with_analytics", "params_value",
            "params_video_current_time", "params_video_duration", "params_video_percent", "params_video_provider",
            "params_video_title", "params_video_url", "params_virtual_currency_name", "params_visible");

    private static final List<String> SESSION_COLUMNS =
            List.of("session_is_engaged", "session_returning_user", "session_abandoned_cart");

    /** Every GA4 protocol interface id in definition order. */
    public static final List<String> ORDER = definitionOrder();

    private Ga4Interfaces() {
    }

    /** Interface id of a GA4 event column ({@code params_gclid} → {@code ga4.protocols.d8a.tech/events/params_gclid}). */
    public static String event(String columnName) {
        return PREFIX + (PLURAL_EVENT_IDS.contains(columnName) ? "events/" : "event/") + columnName;
    }

    /** Interface id of a GA4 session column ({@code session_is_engaged} → {@code .../session/is_engaged}). */
    public static String session(String columnName) {
        return PREFIX + "session/" + columnName.substring("session_".length());
    }

    /**
     * The id an interface has under {@code protocolId}: ids of the GA4 protocol ({@code ga4.} prefix) take the other
     * protocol's prefix (spec §2.11); core and custom column ids never change.
     */
    public static String forProtocol(String interfaceId, String protocolId) {
        if (!interfaceId.startsWith("ga4.") || Ga4Protocol.ID.equals(protocolId)) {
            return interfaceId;
        }
        return protocolId + interfaceId.substring("ga4".length());
    }

    private static List<String> definitionOrder() {
        List<String> order = new ArrayList<>();
        EVENT_COLUMNS.forEach(name -> order.add(event(name)));
        SESSION_COLUMNS.forEach(name -> order.add(session(name)));
        return Collections.unmodifiableList(order);
    }
}
