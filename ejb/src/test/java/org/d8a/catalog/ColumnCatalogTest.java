package org.d8a.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.Column;
import org.d8a.columns.ColumnSet;
import org.d8a.columns.TestHits;
import org.d8a.properties.PropertySettings;
import org.junit.jupiter.api.Test;

/**
 * The full column lists of spec/ga4-protocol-and-columns.md §2.13 (ga4, 252 columns) and §2.14 (d8a), with our addition
 * {@code user_properties} (docs/compatibility.md), and of spec/matomo-protocol.md §2 (matomo, 163 columns).
 */
class ColumnCatalogTest {

    private static final List<String> GA4_TABLE = List.of(
            "id", "name", "property_id", "property_name", "date_utc", "timestamp_utc", "client_id",
            "user_id", "ip_address", "page_location", "page_hostname", "page_path", "page_title",
            "page_referrer", "ignore_referrer", "platform", "utm_campaign", "utm_source", "utm_medium",
            "utm_content", "utm_term", "utm_id", "utm_source_platform", "utm_creative_format",
            "utm_marketing_tactic", "click_id_gclid", "click_id_dclid", "click_id_gbraid",
            "click_id_srsltid", "click_id_wbraid", "click_id_fbclid", "click_id_msclkid", "geo_city",
            "geo_region", "geo_metro", "geo_country", "geo_continent", "geo_sub_continent",
            "device_category", "device_language", "device_screen_resolution", "device_mobile_brand_name",
            "device_mobile_model_name", "device_operating_system", "device_operating_system_version",
            "device_web_browser", "device_web_browser_version", "tracking_protocol", "measurement_id",
            "params_ignore_referrer", "params_engagement_time_ms", "ecommerce_purchase_revenue",
            "ecommerce_purchase_revenue_in_usd", "ecommerce_refund_value", "ecommerce_refund_value_in_usd",
            "ecommerce_shipping_value", "ecommerce_shipping_value_in_usd", "ecommerce_tax_value",
            "ecommerce_tax_value_in_usd", "ecommerce_items_total_quantity", "ecommerce_unique_items",
            "ecommerce_items", "client_session_id", "client_session_number", "gtm_debug", "page_load_hash",
            "params", "user_properties", "params_aclid", "privacy_ads_storage", "privacy_analytics_storage",
            "params_anid",
            "params_achievement_id", "params_ad_event_id", "params_ad_unit_code", "params_app_version",
            "params_campaign", "params_campaign_content", "params_campaign_id", "params_campaign_medium",
            "params_campaign_source", "params_campaign_term", "params_cancellation_reason",
            "params_character", "params_content_description", "params_content_group", "params_content_id",
            "params_content_type", "params_coupon", "params_creative_name", "params_creative_slot",
            "params_currency", "params_dclid", "params_deferred_analytics_collection",
            "params_disqualified_lead_reason", "params_exposure_time", "params_fatal",
            "params_file_extension", "params_file_name", "params_firebase_error",
            "params_firebase_error_value", "params_firebase_previous_class", "params_firebase_previous_id",
            "params_firebase_previous_screen", "params_firebase_screen", "params_firebase_screen_class",
            "params_firebase_screen_id", "params_form_destination", "params_form_id", "params_form_name",
            "params_form_submit_text", "params_free_trial", "params_ga_session_id",
            "params_ga_session_number", "params_gclid", "params_group_id", "params_introductory_price",
            "params_item_list_id", "params_item_list_name", "params_item_name", "params_label",
            "params_language", "params_lead_source", "params_lead_status", "params_level",
            "params_level_name", "params_link_classes", "params_link_domain", "params_link_id",
            "params_link_text", "params_link_url", "params_message_device_time", "params_message_id",
            "params_message_name", "params_message_time", "params_message_type", "params_method",
            "params_outbound", "params_payment_type", "params_percent_scrolled",
            "params_previous_app_version", "params_previous_first_open_count", "params_previous_gmp_app_id",
            "params_previous_os_version", "params_price", "params_product_id", "params_promotion_id",
            "params_promotion_name", "params_quantity", "params_renewal_count",
            "params_reset_analytics_cause", "params_reward_type", "params_reward_value", "params_score",
            "params_screen_resolution", "params_search_term", "params_shipping", "params_shipping_tier",
            "params_srsltid", "params_subscription", "params_success", "params_system_app",
            "params_system_app_update", "params_tax", "params_topic", "params_transaction_id",
            "params_unconvert_lead_reason", "params_updated_with_analytics", "params_value",
            "params_video_current_time", "params_video_duration", "params_video_percent",
            "params_video_provider", "params_video_title", "params_video_url",
            "params_virtual_currency_name", "params_visible", "session_hit_number", "session_page_number",
            "time_on_page", "session_is_entry_page", "session_is_exit_page", "page_is_bounce",
            "previous_page_location", "next_page_location", "previous_page_title", "next_page_title",
            "traffic_filter_name", "session_id", "session_client_id", "session_source", "session_medium",
            "session_term", "session_referrer", "session_duration", "session_total_events",
            "session_first_event_time", "session_last_event_time", "session_entry_page_location",
            "session_second_page_location", "session_exit_page_location", "session_entry_page_title",
            "session_second_page_title", "session_exit_page_title", "session_utm_campaign",
            "session_utm_source", "session_utm_medium", "session_utm_content", "session_utm_term",
            "session_utm_id", "session_utm_source_platform", "session_utm_creative_format",
            "session_utm_marketing_tactic", "session_click_id_gclid", "session_click_id_dclid",
            "session_click_id_gbraid", "session_click_id_srsltid", "session_click_id_wbraid",
            "session_click_id_fbclid", "session_click_id_msclkid", "session_geo_city", "session_geo_region",
            "session_geo_metro", "session_geo_country", "session_geo_continent",
            "session_geo_sub_continent", "session_device_category", "session_device_language",
            "session_device_mobile_brand_name", "session_device_mobile_model_name",
            "session_device_operating_system", "session_device_operating_system_version",
            "session_device_web_browser", "session_device_web_browser_version",
            "session_device_screen_resolution", "session_total_page_views", "session_unique_page_views",
            "session_is_bounced", "session_total_purchases", "session_total_scrolls",
            "session_total_outbound_clicks", "session_unique_outbound_clicks",
            "session_total_site_searches", "session_unique_site_searches",
            "session_total_form_interactions", "session_unique_form_interactions",
            "session_total_video_engagements", "session_total_file_downloads",
            "session_unique_file_downloads", "session_split_cause", "session_is_engaged",
            "session_returning_user", "session_abandoned_cart");

    private static final List<String> D8A_TABLE = List.of(
            "id", "name", "property_id", "property_name", "date_utc", "timestamp_utc", "client_id",
            "user_id", "ip_address", "page_location", "page_hostname", "page_path", "page_title",
            "page_referrer", "ignore_referrer", "platform", "utm_campaign", "utm_source", "utm_medium",
            "utm_content", "utm_term", "utm_id", "utm_source_platform", "utm_creative_format",
            "utm_marketing_tactic", "click_id_gclid", "click_id_dclid", "click_id_gbraid",
            "click_id_srsltid", "click_id_wbraid", "click_id_fbclid", "click_id_msclkid", "geo_city",
            "geo_region", "geo_metro", "geo_country", "geo_continent", "geo_sub_continent",
            "device_category", "device_language", "device_screen_resolution", "device_mobile_brand_name",
            "device_mobile_model_name", "device_operating_system", "device_operating_system_version",
            "device_web_browser", "device_web_browser_version", "tracking_protocol", "client_session_id",
            "client_session_number", "ecommerce_tax_value", "measurement_id", "page_load_hash", "params",
            "params_achievement_id", "params_ad_event_id", "params_ad_unit_code", "params_app_version",
            "params_campaign", "params_campaign_content", "params_campaign_id", "params_campaign_medium",
            "params_campaign_source", "params_campaign_term", "params_cancellation_reason",
            "params_character", "params_content_description", "params_content_group", "params_content_id",
            "params_content_type", "params_coupon", "params_creative_name", "params_creative_slot",
            "params_currency", "params_deferred_analytics_collection", "params_disqualified_lead_reason",
            "params_engagement_time_ms", "params_exposure_time", "params_fatal", "params_file_extension",
            "params_file_name", "params_firebase_error", "params_firebase_error_value",
            "params_firebase_previous_class", "params_firebase_previous_id",
            "params_firebase_previous_screen", "params_firebase_screen", "params_firebase_screen_class",
            "params_firebase_screen_id", "params_form_destination", "params_form_id", "params_form_name",
            "params_form_submit_text", "params_free_trial", "params_ga_session_id",
            "params_ga_session_number", "params_group_id", "params_ignore_referrer",
            "params_introductory_price", "params_item_list_id", "params_item_list_name", "params_item_name",
            "params_label", "params_language", "params_lead_source", "params_lead_status", "params_level",
            "params_level_name", "params_link_classes", "params_link_domain", "params_link_id",
            "params_link_text", "params_link_url", "params_message_device_time", "params_message_id",
            "params_message_name", "params_message_time", "params_message_type", "params_method",
            "params_outbound", "params_payment_type", "params_percent_scrolled",
            "params_previous_app_version", "params_previous_first_open_count", "params_previous_gmp_app_id",
            "params_previous_os_version", "params_price", "params_product_id", "params_promotion_id",
            "params_promotion_name", "params_quantity", "params_renewal_count",
            "params_reset_analytics_cause", "params_reward_type", "params_reward_value", "params_score",
            "params_screen_resolution", "params_search_term", "params_shipping", "params_shipping_tier",
            "params_subscription", "params_success", "params_system_app", "params_system_app_update",
            "params_tax", "params_topic", "params_transaction_id", "params_unconvert_lead_reason",
            "params_updated_with_analytics", "params_value", "params_video_current_time",
            "params_video_duration", "params_video_percent", "params_video_provider", "params_video_title",
            "params_video_url", "params_virtual_currency_name", "params_visible", "privacy_ads_storage",
            "privacy_analytics_storage", "user_properties", "params_aclid", "params_anid", "params_dclid",
            "params_gclid",
            "params_srsltid", "gtm_debug", "ecommerce_tax_value_in_usd", "ecommerce_items",
            "ecommerce_shipping_value", "ecommerce_items_total_quantity", "ecommerce_purchase_revenue",
            "ecommerce_refund_value", "ecommerce_unique_items", "ecommerce_shipping_value_in_usd",
            "ecommerce_purchase_revenue_in_usd", "ecommerce_refund_value_in_usd", "session_hit_number",
            "session_page_number", "time_on_page", "session_is_entry_page", "session_is_exit_page",
            "page_is_bounce", "previous_page_location", "next_page_location", "previous_page_title",
            "next_page_title", "traffic_filter_name", "session_id", "session_client_id", "session_source",
            "session_medium", "session_term", "session_referrer", "session_duration",
            "session_total_events", "session_first_event_time", "session_last_event_time",
            "session_entry_page_location", "session_second_page_location", "session_exit_page_location",
            "session_entry_page_title", "session_second_page_title", "session_exit_page_title",
            "session_utm_campaign", "session_utm_source", "session_utm_medium", "session_utm_content",
            "session_utm_term", "session_utm_id", "session_utm_source_platform",
            "session_utm_creative_format", "session_utm_marketing_tactic", "session_click_id_gclid",
            "session_click_id_dclid", "session_click_id_gbraid", "session_click_id_srsltid",
            "session_click_id_wbraid", "session_click_id_fbclid", "session_click_id_msclkid",
            "session_geo_city", "session_geo_region", "session_geo_metro", "session_geo_country",
            "session_geo_continent", "session_geo_sub_continent", "session_device_category",
            "session_device_language", "session_device_mobile_brand_name",
            "session_device_mobile_model_name", "session_device_operating_system",
            "session_device_operating_system_version", "session_device_web_browser",
            "session_device_web_browser_version", "session_device_screen_resolution",
            "session_total_page_views", "session_unique_page_views", "session_is_bounced",
            "session_total_purchases", "session_total_scrolls", "session_total_outbound_clicks",
            "session_unique_outbound_clicks", "session_total_site_searches", "session_unique_site_searches",
            "session_total_form_interactions", "session_unique_form_interactions",
            "session_total_video_engagements", "session_total_file_downloads",
            "session_unique_file_downloads", "session_split_cause", "session_abandoned_cart",
            "session_is_engaged", "session_returning_user");

    /** spec/matomo-protocol.md §2: 84 event, 11 session-scoped event and 68 session columns. */
    private static final List<String> MATOMO_TABLE = List.of(
            "id", "name", "property_id", "property_name", "date_utc", "timestamp_utc", "client_id",
            "user_id", "ip_address", "page_location", "page_hostname", "page_path", "page_title",
            "page_referrer", "ignore_referrer", "platform", "utm_campaign", "utm_source", "utm_medium",
            "utm_content", "utm_term", "utm_id", "utm_source_platform", "utm_creative_format",
            "utm_marketing_tactic", "click_id_gclid", "click_id_dclid", "click_id_gbraid",
            "click_id_srsltid", "click_id_wbraid", "click_id_fbclid", "click_id_msclkid", "geo_city",
            "geo_region", "geo_metro", "geo_country", "geo_continent", "geo_sub_continent",
            "device_category", "device_language", "device_screen_resolution", "device_mobile_brand_name",
            "device_mobile_model_name", "device_operating_system", "device_operating_system_version",
            "device_web_browser", "device_web_browser_version", "tracking_protocol", "params_site_id",
            "params_page_view_id", "params_goal_id", "params_category", "params_action", "params_value",
            "params_link_url", "params_download_url", "params_search_term", "params_search_keyword",
            "params_search_category", "params_search_count", "params_media_asset_id", "params_media_type",
            "params_content_interaction", "params_content_name", "params_content_piece",
            "params_content_target", "custom_variables", "custom_dimensions", "ecommerce_purchase_revenue",
            "ecommerce_shipping_value", "ecommerce_subtotal_value", "ecommerce_tax_value",
            "ecommerce_discount_value", "ecommerce_order_id", "ecommerce_items",
            "ecommerce_items_total_quantity", "params_product_price", "params_product_sku",
            "params_product_name", "params_product_category_1", "params_product_category_2",
            "params_product_category_3", "params_product_category_4", "params_product_category_5",
            "session_hit_number", "session_page_number", "time_on_page", "session_is_entry_page",
            "session_is_exit_page", "page_is_bounce", "previous_page_location", "next_page_location",
            "previous_page_title", "next_page_title", "traffic_filter_name", "session_id",
            "session_client_id", "session_source", "session_medium", "session_term", "session_referrer",
            "session_duration", "session_total_events", "session_first_event_time",
            "session_last_event_time", "session_entry_page_location", "session_second_page_location",
            "session_exit_page_location", "session_entry_page_title", "session_second_page_title",
            "session_exit_page_title", "session_utm_campaign", "session_utm_source", "session_utm_medium",
            "session_utm_content", "session_utm_term", "session_utm_id", "session_utm_source_platform",
            "session_utm_creative_format", "session_utm_marketing_tactic", "session_click_id_gclid",
            "session_click_id_dclid", "session_click_id_gbraid", "session_click_id_srsltid",
            "session_click_id_wbraid", "session_click_id_fbclid", "session_click_id_msclkid",
            "session_geo_city", "session_geo_region", "session_geo_metro", "session_geo_country",
            "session_geo_continent", "session_geo_sub_continent", "session_device_category",
            "session_device_language", "session_device_mobile_brand_name",
            "session_device_mobile_model_name", "session_device_operating_system",
            "session_device_operating_system_version", "session_device_web_browser",
            "session_device_web_browser_version", "session_device_screen_resolution",
            "session_total_page_views", "session_unique_page_views", "session_is_bounced",
            "session_total_purchases", "session_total_scrolls", "session_total_outbound_clicks",
            "session_unique_outbound_clicks", "session_total_site_searches", "session_unique_site_searches",
            "session_total_form_interactions", "session_unique_form_interactions",
            "session_total_video_engagements", "session_total_file_downloads",
            "session_unique_file_downloads", "session_split_cause", "session_total_goal_conversions",
            "session_total_content_impressions", "session_total_content_interactions",
            "session_returning_user", "session_custom_variables", "session_custom_dimensions");

    private static List<String> tableColumns(String protocol) {
        PropertySettings property = new PropertySettings("p", "P", "-", protocol,
                TestHits.PROPERTY.sessionTimeout(), List.of());
        return TestHits.columns(property).tableSchema().getFields().stream().map(Field::getName).toList();
    }

    @Test
    void ga4TableHasTheSpecsColumnsInTheSpecsOrder() {
        assertEquals(GA4_TABLE, tableColumns("ga4"));
    }

    @Test
    void d8aTableHasTheSpecsColumnsInTheSpecsOrder() {
        assertEquals(D8A_TABLE, tableColumns("d8a"));
    }

    @Test
    void matomoTableHasTheSpecsColumnsInTheSpecsOrder() {
        assertEquals(MATOMO_TABLE, tableColumns("matomo"));
        PropertySettings property = new PropertySettings("p", "P", "-", "matomo",
                TestHits.PROPERTY.sessionTimeout(), List.of());
        ColumnSet columns = TestHits.columns(property);
        assertEquals(84, columns.eventColumns().size());
        assertEquals(11, columns.sessionScopedEventColumns().size());
        assertEquals(68, columns.sessionColumns().size());
        List<String> ids = columns.eventColumns().stream().map(Column::interfaceId).toList();
        assertEquals(true, ids.contains("matomo.protocols.d8a.tech/event/params_site_id"));
        assertEquals(true, ids.contains("core.d8a.tech/events/page_location"));
        List<String> sessionIds = columns.sessionColumns().stream().map(Column::interfaceId).toList();
        assertEquals(true, sessionIds.contains("matomo.protocols.d8a.tech/session/returning_user"));
        assertEquals(true, sessionIds.contains("matomo.protocols.d8a.tech/session/session_custom_dimensions"));
        assertEquals(true, sessionIds.contains("core.d8a.tech/sessions/total_purchases"));
        assertEquals(false, ids.stream().anyMatch(id -> id.startsWith("ga4.")));
    }

    @Test
    void d8aColumnsUseD8aInterfaceIdsAndTrackingProtocolD8a() {
        PropertySettings property = new PropertySettings("p", "P", "-", "d8a",
                TestHits.PROPERTY.sessionTimeout(), List.of());
        ColumnSet columns = TestHits.columns(property);
        List<String> ids = columns.eventColumns().stream().map(Column::interfaceId).toList();
        assertEquals(true, ids.contains("d8a.protocols.d8a.tech/event/params"));
        assertEquals(true, ids.contains("d8a.protocols.d8a.tech/events/params_gclid"));
        assertEquals(true, ids.contains("core.d8a.tech/events/page_location"));
        assertEquals(false, ids.stream().anyMatch(id -> id.startsWith("ga4.")));

        Map<String, Object> d8aRow = TestHits.write(property, TestHits.h1()).get(0);
        assertEquals("d8a", d8aRow.get("tracking_protocol"));
        assertEquals("ga4_gtag", TestHits.write(TestHits.h1()).get(0).get("tracking_protocol"));
    }
}
