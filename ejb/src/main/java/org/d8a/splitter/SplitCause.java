package org.d8a.splitter;

/** Why a session was cut, as {@code session_split_cause} spells it (spec/pipeline.md §5.4). */
public enum SplitCause {
    MAX_TIME_SINCE_FIRST_EVENT_REACHED,
    MAX_EVENTS_REACHED,
    USER_ID_CHANGED,
    UTM_CAMPAIGN_CHANGED;

    public String columnValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
