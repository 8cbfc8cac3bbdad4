package org.d8a.warehouse.bigquery;

import java.time.Duration;
import java.util.Optional;

/**
 * BigQuery's quota of load jobs: 1 500 per table and day, failed jobs included. The {@code loadjob} writer runs one
 * job per delivery chunk, so a delivery interval shorter than a minute can exhaust it within the day, after which
 * every load fails until midnight Pacific time.
 */
public final class LoadJobQuota {

    static final long JOBS_PER_TABLE_AND_DAY = 1_500;

    private LoadJobQuota() {
    }

    /** The warning for a delivery that may start more jobs a day than BigQuery allows, if it does. */
    public static Optional<String> warning(Duration deliveryInterval) {
        long runs = Duration.ofDays(1).toMillis() / Math.max(1, deliveryInterval.toMillis());
        if (runs <= JOBS_PER_TABLE_AND_DAY) {
            return Optional.empty();
        }
        return Optional.of("warehouse.bigquery.writer_type loadjob with delivery.interval " + deliveryInterval
                .toString().substring(2).toLowerCase() + " can start " + runs + " load jobs per table and day; "
                + "BigQuery allows " + JOBS_PER_TABLE_AND_DAY + ": set delivery.interval to 1m or more, with a "
                + "delivery.chunk_size that holds a run's sessions (docs/warehouses.md)");
    }
}
