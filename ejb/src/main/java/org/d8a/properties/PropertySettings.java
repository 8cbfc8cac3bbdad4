package org.d8a.properties;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;

/**
 * The settings of one tracked property.
 *
 * @param protocol the tracking protocol id the property's hits must arrive on ({@code ga4}, {@code d8a}, {@code matomo})
 * @param sessionTimeout inactivity, in data time, after which a proto-session closes
 * @param excludedUrlParams query parameters removed from {@code page_location} (spec §2.3)
 * @param ipMaskingLevel how much of the client address is kept, 0 (all) to 4 (none) (spec/pipeline.md §1.6)
 * @param join which identifiers join proto-sessions of different clients
 * @param split when closed sessions are cut in parts
 * @param filter which events are removed or tagged before session columns are computed
 * @param warehouseTable the warehouse table the property's rows are written to ({@code warehouse.table})
 * @param firebaseAppId the app stream's id that Measurement Protocol requests name instead of a measurement id;
 *        {@code "-"} when the property has none
 * @param apiSecrets the Measurement Protocol secrets the property accepts (several, so that one can be rotated);
 *        none: the property takes no Measurement Protocol events
 */
public record PropertySettings(String id, String name, String measurementId, String protocol, Duration sessionTimeout,
        List<String> excludedUrlParams, int ipMaskingLevel, JoinRules join, SplitRules split, FilterRules filter,
        String warehouseTable, String firebaseAppId, List<String> apiSecrets) {

    /** The reference's default {@code property.settings.excluded_url_params}. */
    public static final List<String> DEFAULT_EXCLUDED_URL_PARAMS = List.of("utm_marketing_tactic",
            "utm_source_platform", "utm_term", "utm_content", "utm_source", "utm_medium", "utm_campaign", "utm_id",
            "utm_creative_format", "gclid", "dclid", "srsltid", "gbraid", "wbraid", "fbclid", "msclkid");

    /** The reference's default {@code warehouse.table}. */
    public static final String DEFAULT_TABLE = "events";

    public PropertySettings {
        excludedUrlParams = List.copyOf(excludedUrlParams);
        apiSecrets = List.copyOf(apiSecrets);
        if (ipMaskingLevel < 0 || ipMaskingLevel > 4) {
            throw new IllegalArgumentException("property " + id + ": ip_masking_level must be between 0 and 4, got "
                    + ipMaskingLevel);
        }
        if (ipMaskingLevel == 4 && join.bySessionStamp()) {
            throw new IllegalArgumentException("property " + id + ": ip_masking_level 4 leaves no address to tell "
                    + "visitors apart; set sessions.join_by_session_stamp to false or use a lower level");
        }
    }

    /** Settings of a property that takes no Measurement Protocol events. */
    public PropertySettings(String id, String name, String measurementId, String protocol, Duration sessionTimeout,
            List<String> excludedUrlParams, int ipMaskingLevel, JoinRules join, SplitRules split, FilterRules filter,
            String warehouseTable) {
        this(id, name, measurementId, protocol, sessionTimeout, excludedUrlParams, ipMaskingLevel, join, split, filter,
                warehouseTable, "-", List.of());
    }

    /**
     * Whether {@code secret} is one of the property's Measurement Protocol secrets; compared in constant time, so that
     * the answer time tells nothing of a secret.
     */
    public boolean acceptsApiSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] offered = secret.getBytes(StandardCharsets.UTF_8);
        boolean accepted = false;
        for (String known : apiSecrets) {
            accepted |= MessageDigest.isEqual(known.getBytes(StandardCharsets.UTF_8), offered);
        }
        return accepted;
    }

    /** Settings with the reference's defaults for everything but the given fields: no masking, no filter. */
    public PropertySettings(String id, String name, String measurementId, String protocol, Duration sessionTimeout,
            List<String> excludedUrlParams) {
        this(id, name, measurementId, protocol, sessionTimeout, excludedUrlParams, 0, JoinRules.DEFAULTS,
                SplitRules.DEFAULTS, FilterRules.NONE, DEFAULT_TABLE);
    }
}
