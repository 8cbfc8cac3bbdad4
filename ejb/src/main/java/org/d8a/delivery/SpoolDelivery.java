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
 * so a session is delivered exactly once by drivers that take part in it (the files driver does). A warehouse that
 * can hold rows back instead stages them, and the entries keep the staged write's name: {@link StagedWritePublisher}
 * publishes it after this transaction committed and only then removes them, so a crash in between neither loses
 * nor repeats the rows. A failed attempt is
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
        // A session staged meanwhile by another delivery is written already: only its publication is left.
        List<SpooledSession> spooled = spool.lockForDelivery(ids).stream()
                .filter(entry -> entry.getStaging() == null).toList();
        List<SpooledSession> written = new ArrayList<>();
        for (Map.Entry<String, List<SpooledSession>> property : byProperty(spooled).entrySet()) {
            List<SpooledSession> entries = property.getValue();
            String staging = rows.stage(property.getKey(), entries.stream().map(SpooledSession::getPayload).toList());
            if (staging == null) {
                written.addAll(entries);
            } else {
                entries.forEach(entry -> entry.staged(staging));
            }
        }
        forget(written);
        return spooled.size();
    }

    /** The staged writes whose sessions are still spooled, oldest first: each is to be published. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> stagings() {
        return spool.stagings();
    }

    /** Removes the sessions of a staged write the warehouse has published; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetPublished(String staging) {
        List<SpooledSession> published = spool.lockStaged(staging);
        byProperty(published).forEach((property, entries) ->
                rows.announce(property, entries.stream().map(SpooledSession::getPayload).toList()));
        forget(published);
        return published.size();
    }

    /** Records on the sessions of {@code staging} why it could not be published, for operators. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordPublicationFailure(String staging, String error) {
        spool.lockStaged(staging).forEach(entry -> entry.recordPublicationFailure(error));
    }

    /** Puts the sessions of a staged write the warehouse no longer holds back in line; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int unstage(String staging) {
        return spool.unstage(staging);
    }

    private static Map<String, List<SpooledSession>> byProperty(List<SpooledSession> entries) {
        Map<String, List<SpooledSession>> byProperty = new LinkedHashMap<>();
        for (SpooledSession entry : entries) {
            byProperty.computeIfAbsent(entry.getPropertyId(), p -> new ArrayList<>()).add(entry);
        }
        return byProperty;
    }

    private void forget(List<SpooledSession> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        spool.removeAll(delivered.stream().map(SpooledSession::getId).toList());
        long now = System.currentTimeMillis();
        for (SpooledSession entry : delivered) {
            metrics.deliveryLatency(Duration.ofMillis(Math.max(0, now - entry.getClosedAtMillis())));
        }
    }

    /** Records a failed attempt on the given entries: backoff, and quarantine after too many failures. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(List<Long> ids, String error) {
        long now = System.currentTimeMillis();
        int maxFailures = settings.spoolMaxFailures();
        for (SpooledSession entry : spool.findAll(ids)) {
            if (entry.getStaging() != null) {
                // Staged by another delivery meanwhile: its rows are written, this failure is not its own.
                continue;
            }
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
