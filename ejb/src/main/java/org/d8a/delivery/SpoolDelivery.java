package org.d8a.delivery;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.d8a.columns.RetryableColumnException;
import org.d8a.metrics.PipelineMetrics;
import org.d8a.persistence.spool.SpoolRepository;
import org.d8a.persistence.spool.SpooledSession;
import org.d8a.warehouse.WarehouseException;

/**
 * Delivers spooled sessions to their property's warehouse: rows written and spool entries removed in one transaction,
 * so a session is delivered exactly once by drivers that take part in it (the files driver does). A failed attempt is
 * recorded on the entries in a transaction of its own: they wait a growing backoff, and after
 * {@code storage.spool_max_failures} attempts they are quarantined, kept for the redeliver job.
 */
@Stateless
public class SpoolDelivery {

    private static final Logger LOG = Logger.getLogger(SpoolDelivery.class.getName());
    private static final long FIRST_BACKOFF_MILLIS = 1_000;
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    @Inject
    SpoolRepository spool;

    @Inject
    RowDelivery rows;

    @Inject
    DeliverySettings settings;

    @Inject
    PipelineMetrics metrics;

    /**
     * Delivers those of {@code ids} still spooled.
     *
     * @return the number of sessions delivered
     * @throws WarehouseException when the warehouse refused the rows; nothing was delivered
     * @throws RetryableColumnException when a column failed temporarily; nothing was delivered
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deliver(List<Long> ids) throws WarehouseException, RetryableColumnException {
        List<SpooledSession> spooled = spool.lockForDelivery(ids);
        Map<String, List<String>> byProperty = new LinkedHashMap<>();
        for (SpooledSession entry : spooled) {
            byProperty.computeIfAbsent(entry.getPropertyId(), p -> new ArrayList<>()).add(entry.getPayload());
        }
        for (Map.Entry<String, List<String>> property : byProperty.entrySet()) {
            rows.deliver(property.getKey(), property.getValue());
        }
        if (!spooled.isEmpty()) {
            spool.removeAll(spooled.stream().map(SpooledSession::getId).toList());
        }
        long now = System.currentTimeMillis();
        for (SpooledSession entry : spooled) {
            metrics.deliveryLatency(Duration.ofMillis(Math.max(0, now - entry.getClosedAtMillis())));
        }
        return spooled.size();
    }

    /** Records a failed attempt on the given entries: backoff, and quarantine after too many failures. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(List<Long> ids, String error) {
        long now = System.currentTimeMillis();
        int maxFailures = settings.spoolMaxFailures();
        for (SpooledSession entry : spool.findAll(ids)) {
            long backoff = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(entry.getFailures(), 16));
            entry.recordFailure(error, now, backoff, maxFailures);
            if (entry.isQuarantined()) {
                LOG.warning(() -> "spooled session " + entry.getId() + " of property " + entry.getPropertyId()
                        + " quarantined after " + entry.getFailures() + " failed deliveries: " + entry.getLastError());
            }
        }
    }

    /** Puts every quarantined session back in line; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseQuarantined() {
        return spool.releaseQuarantined();
    }
}
