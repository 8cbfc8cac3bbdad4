package org.d8a.warehouse.files;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.d8a.transactions.OnCommit;
import org.d8a.warehouse.files.segment.AfterCommit;

/** Runs actions after the current JTA transaction committed, through the container's synchronization registry. */
@ApplicationScoped
public class JtaAfterCommit implements AfterCommit {

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    @Override
    public void run(Runnable action) {
        if (registry.getTransactionKey() == null) {
            throw new IllegalStateException("the files warehouse writes only inside a transaction");
        }
        OnCommit.run(registry, action);
    }
}
