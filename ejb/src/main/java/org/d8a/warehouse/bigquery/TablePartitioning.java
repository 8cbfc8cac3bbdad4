package org.d8a.warehouse.bigquery;

import com.google.cloud.bigquery.TimePartitioning;

/**
 * The time partitioning of new tables ({@code warehouse.bigquery.partition_*}). The expiration is part of the
 * partitioning the table is created with, where the reference set it with a second statement (ALTER TABLE ... SET
 * OPTIONS) that could fail after the table existed.
 *
 * @param field empty for none
 * @param expirationDays 0 keeps partitions forever
 */
record TablePartitioning(String field, String interval, int expirationDays) {

    /** The partitioning of a new table, or null for none. */
    TimePartitioning forTable() {
        if (field.isEmpty()) {
            return null;
        }
        TimePartitioning.Builder partitioning = TimePartitioning.newBuilder(TimePartitioning.Type.valueOf(interval))
                .setField(field);
        if (expirationDays > 0) {
            partitioning.setExpirationMs(expirationDays * 86_400_000L);
        }
        return partitioning.build();
    }
}
