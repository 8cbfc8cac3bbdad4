package org.d8a.properties;

/**
 * Which identifiers join the proto-sessions of different clients (spec/pipeline.md §3.1): the session stamp (same
 * browser and address on the same UTC day, or the same {@code fss}) and the user id.
 */
public record JoinRules(boolean bySessionStamp, boolean byUserId) {

    public static final JoinRules DEFAULTS = new JoinRules(true, true);
}
