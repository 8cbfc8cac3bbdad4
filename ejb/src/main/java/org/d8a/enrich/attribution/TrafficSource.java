package org.d8a.enrich.attribution;

/**
 * A session's {@code session_source}, {@code session_medium} and {@code session_term} (spec §3), normalised: never
 * null, {@code ""} when unknown ({@code direct} / {@code none} / {@code ""} for direct traffic).
 */
public record TrafficSource(String source, String medium, String term) {
}
