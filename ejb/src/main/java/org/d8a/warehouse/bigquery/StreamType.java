package org.d8a.warehouse.bigquery;

import java.util.Locale;

/** The Storage Write API stream the streaming writer opens for each write ({@code warehouse.bigquery.stream_type}). */
public enum StreamType {
    /** Rows become visible together when the stream is committed: a chunk is all or nothing. */
    PENDING,
    /** Rows become visible as each append is acknowledged. */
    COMMITTED;

    static StreamType parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "pending" -> PENDING;
            case "committed" -> COMMITTED;
            default -> throw new IllegalStateException("warehouse.bigquery.stream_type " + value
                    + " is not supported; use pending or committed");
        };
    }
}
