package org.d8a.transactions;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the current JTA transaction has committed, and never when it rolls back: for what must only
 * happen to work that is kept (sealing a warehouse segment, holding a session in memory, counting a meter).
 */
public final class OnCommit {

    private OnCommit() {
    }

    /** Registers {@code action} on the transaction {@code registry} currently has; there must be one. */
    public static void run(TransactionSynchronizationRegistry registry, Runnable action) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
