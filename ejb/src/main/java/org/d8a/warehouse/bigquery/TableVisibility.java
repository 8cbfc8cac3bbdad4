package org.d8a.warehouse.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.TableId;
import java.time.Duration;
import java.util.logging.Logger;
import org.d8a.warehouse.WarehouseException;

/**
 * Waits until a table just created is readable (spec/warehouses.md §3.3): BigQuery's metadata is eventually
 * consistent, and the first load into a table that is not visible yet fails.
 */
final class TableVisibility {

    private static final Logger LOG = Logger.getLogger(TableVisibility.class.getName());
    private static final Duration POLL = Duration.ofMillis(500);

    private final BigQuery bigquery;
    private final Duration timeout;

    TableVisibility(BigQuery bigquery, Duration timeout) {
        this.bigquery = bigquery;
        this.timeout = timeout;
    }

    void await(TableId table, String name) throws WarehouseException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (bigquery.getTable(table) != null) {
                    return;
                }
                LOG.fine(() -> "table " + name + " not visible yet");
            } catch (BigQueryException e) {
                throw new WarehouseException("table creation verification failed: " + e.getMessage(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new WarehouseException("table creation verification failed: timeout waiting for table " + name
                        + " to be created after " + timeout);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WarehouseException("table creation verification failed: interrupted", e);
            }
        }
    }
}
