package org.d8a.columns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The core column interfaces, protocol-independent, in their definition order: the order columns take in a table
 * (spec/ga4-protocol-and-columns.md §2.12-2.14). Event and session-scoped event interfaces live under
 * {@code core.d8a.tech/events/}, session interfaces under {@code core.d8a.tech/sessions/} without the
 * {@code session_} prefix of their column names.
 */
public final class CoreInterfaces {

    public static final String EVENTS = "core.d8a.tech/events/";
    public static final String SESSIONS = "core.d8a.tech/sessions/";
    /** Prefix of the interfaces of user-declared (custom) columns, which take the table's last places. */
    public static final String CUSTOM = "customcolumns.d8a.tech/";

    private static final List<String> EVENT_COLUMNS = List.of(
            "id", "name", "property_id", "property_name", "date_utc", "timestamp_utc", "client_id", "user_id",
            "ip_address", "page_location", "page_hostname", "page_path", "page_title", "page_referrer",
            "ignore_referrer", "platform", "utm_campaign", "utm_source", "utm_medium", "utm_content", "utm_term",
            "utm_id", "utm_source_platform", "utm_creative_format", "utm_marketing_tactic", "click_id_gclid",
            "click_id_dclid", "click_id_gbraid", "click_id_srsltid", "click_id_wbraid", "click_id_fbclid",
            "click_id_msclkid", "geo_city", "geo_region", "geo_metro", "geo_country", "geo_continent",
            "geo_sub_continent", "device_category", "device_language", "device_screen_resolution",
            "device_mobile_brand_name", "device_mobile_model_name", "device_operating_system",
            "device_operating_system_version", "device_web_browser", "device_web_browser_version",
            "tracking_protocol");

    private static final List<String> SESSION_SCOPED_EVENT_COLUMNS = List.of(
            "session_hit_number", "session_page_number", "time_on_page", "session_is_entry_page",
            "session_is_exit_page", "page_is_bounce", "previous_page_location", "next_page_location",
            "previous_page_title", "next_page_title", "traffic_filter_name");

    private static final List<String> SESSION_COLUMNS = List.of(
            "session_id", "session_client_id", "session_source", "session_medium", "session_term",
            "session_referrer", "session_duration", "session_total_events", "session_first_event_time",
            "session_last_event_time", "session_entry_page_location", "session_second_page_location",
            "session_exit_page_location", "session_entry_page_title", "session_second_page_title",
            "session_exit_page_title", "session_utm_campaign", "session_utm_source", "session_utm_medium",
            "session_utm_content", "session_utm_term", "session_utm_id", "session_utm_source_platform",
            "session_utm_creative_format", "session_utm_marketing_tactic", "session_click_id_gclid",
            "session_click_id_dclid", "session_click_id_gbraid", "session_click_id_srsltid",
            "session_click_id_wbraid", "session_click_id_fbclid", "session_click_id_msclkid", "session_geo_city",
            "session_geo_region", "session_geo_metro", "session_geo_country", "session_geo_continent",
            "session_geo_sub_continent", "session_device_category", "session_device_language",
            "session_device_mobile_brand_name", "session_device_mobile_model_name",
            "session_device_operating_system", "session_device_operating_system_version",
            "session_device_web_browser", "session_device_web_browser_version",
            "session_device_screen_resolution", "session_total_page_views", "session_unique_page_views",
            "session_is_bounced", "session_total_purchases", "session_total_scrolls",
            "session_total_outbound_clicks", "session_unique_outbound_clicks", "session_total_site_searches",
            "session_unique_site_searches", "session_total_form_interactions", "session_unique_form_interactions",
            "session_total_video_engagements", "session_total_file_downloads", "session_unique_file_downloads",
            "session_split_cause");

    /** Every core interface id in definition order. */
    public static final List<String> ORDER = definitionOrder();


    private CoreInterfaces() {
    }

    /** Interface id of a core event or session-scoped event column. */
    public static String event(String columnName) {
        return EVENTS + columnName;
    }

    /** Interface id of a core session column ({@code session_duration} → {@code core.d8a.tech/sessions/duration}). */
    public static String session(String columnName) {
        return SESSIONS + columnName.substring("session_".length());
    }

    private static List<String> definitionOrder() {
        List<String> order = new ArrayList<>();
        EVENT_COLUMNS.forEach(name -> order.add(event(name)));
        SESSION_SCOPED_EVENT_COLUMNS.forEach(name -> order.add(event(name)));
        SESSION_COLUMNS.forEach(name -> order.add(session(name)));
        return Collections.unmodifiableList(order);
    }
}
