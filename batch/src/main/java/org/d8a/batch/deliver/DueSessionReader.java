package org.d8a.batch.deliver;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import org.d8a.delivery.DeliveryOutage;
import org.d8a.persistence.spool.SpoolRepository;

/**
 * Reads the ids of the spooled sessions due for delivery, in spool order, until the warehouse refuses a chunk
 * ({@link DeliveryOutage}). The checkpoint is the last id read: a restarted job continues after it, and sessions
 * delivered before the stop are no longer in the spool anyway.
 */
@Named
@Dependent
public class DueSessionReader extends AbstractItemReader {

    private static final int PAGE = 1000;

    @Inject
    SpoolRepository spool;

    @Inject
    DeliveryOutage outage;

    private final Deque<Long> page = new ArrayDeque<>();
    private long lastId;
    private long startedAtMillis;

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint == null ? 0 : (Long) checkpoint;
        startedAtMillis = System.currentTimeMillis();
    }

    @Override
    public Object readItem() {
        if (outage.refusedSince(startedAtMillis)) {
            // the warehouse refuses deliveries: the rest of the spool waits for the next execution
            return null;
        }
        if (page.isEmpty()) {
            page.addAll(spool.dueIds(startedAtMillis, lastId, PAGE));
        }
        Long next = page.poll();
        if (next != null) {
            lastId = next;
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
