package org.d8a.warehouse.bigquery;

import java.util.Locale;

/** How rows reach BigQuery ({@code warehouse.bigquery.writer_type}, spec/warehouses.md §3.5). */
public enum WriterType {
    /** NDJSON load jobs: free of charge, one job per delivery chunk. */
    LOADJOB,
    /** The Storage Write API: billed per GiB, rows visible within seconds. */
    STREAMING;

    static WriterType parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "loadjob" -> LOADJOB;
            case "streaming" -> STREAMING;
            default -> throw new IllegalStateException("warehouse.bigquery.writer_type " + value
                    + " is not supported; use loadjob or streaming");
        };
    }
}
