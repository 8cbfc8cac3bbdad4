package org.d8a.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counts a message sent to the hits queue inside the caller's JTA transaction (evicted hits, replayed hits) in the
 * {@link DataClock}: counted before the commit, uncounted if the transaction rolls back.
 */
@ApplicationScoped
public class QueuedMessages {

    @Inject
    DataClock dataClock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void count(String partition) {
        dataClock.publishing(partition);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    dataClock.notPublished(partition);
                }
            }
        });
    }
}
