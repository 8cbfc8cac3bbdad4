package org.d8a.properties;

import java.time.Duration;

/**
 * When a property's sessions are cut in parts (spec/pipeline.md §5.1): after a maximum time since the part's first
 * event, after a maximum number of events, and (each optional) when the user id or the UTM campaign changes. A limit of
 * zero or less cuts after every event, as in the reference.
 */
public record SplitRules(Duration maxTimeSinceFirstEvent, int maxEvents, boolean onUserIdChange,
        boolean onCampaignChange) {

    public static final SplitRules DEFAULTS = new SplitRules(Duration.ofHours(12), 1000, true, true);
}
