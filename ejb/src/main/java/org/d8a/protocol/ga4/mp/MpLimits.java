package org.d8a.protocol.ga4.mp;

import java.util.List;
import java.util.Set;

/** Google's documented limits and reserved names of the Measurement Protocol (GA4, standard properties). */
final class MpLimits {

    static final int MAX_BODY_BYTES = 130 * 1024;
    static final int MAX_EVENTS = 25;
    static final int MAX_EVENT_PARAMS = 25;
    static final int MAX_USER_PROPERTIES = 25;
    static final int MAX_NAME_LENGTH = 40;
    static final int MAX_PARAM_VALUE_LENGTH = 100;
    static final int MAX_USER_PROPERTY_NAME_LENGTH = 24;
    static final int MAX_USER_PROPERTY_VALUE_LENGTH = 36;
    static final int MAX_ITEM_CUSTOM_PARAMS = 10;
    static final long MAX_BACKDATING_MICROS = 72L * 3600 * 1_000_000;

    static final Set<String> RESERVED_EVENT_NAMES = Set.of("ad_activeview", "ad_click", "ad_exposure", "ad_query",
            "ad_reward", "adunit_exposure", "app_background", "app_clear_data", "app_exception", "app_remove",
            "app_store_refund", "app_store_subscription_cancel", "app_store_subscription_convert",
            "app_store_subscription_renew", "app_update", "app_upgrade", "dynamic_link_app_open",
            "dynamic_link_app_update", "dynamic_link_first_open", "error", "first_open", "first_visit",
            "in_app_purchase", "notification_dismiss", "notification_foreground", "notification_open",
            "notification_receive", "os_update", "session_start", "session_start_with_rollout", "user_engagement");
    static final Set<String> RESERVED_PARAM_NAMES = Set.of("firebase_conversion");
    static final List<String> RESERVED_PARAM_PREFIXES = List.of("_", "firebase_", "ga_", "google_", "gtag.");
    static final Set<String> RESERVED_USER_PROPERTY_NAMES = Set.of("first_open_time", "first_visit_time",
            "last_deep_link_referrer", "user_id", "first_open_after_install");
    static final List<String> RESERVED_USER_PROPERTY_PREFIXES = List.of("_", "firebase_", "ga_", "google_");

    private MpLimits() {
    }

    /** Starts with a letter, then letters, digits and underscores only. */
    static boolean wellFormedName(String name) {
        if (name.isEmpty() || !isAsciiLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    static boolean hasPrefix(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
