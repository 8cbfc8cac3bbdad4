package org.d8a.persistence.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The cluster's shared per-partition data-time counts. Each call is a transaction of its own, short, and locks the rows
 * it changes in partition order, so that publishers and consumers on every node, which change overlapping partitions
 * all the time, queue behind each other instead of deadlocking.
 */
@ApplicationScoped
public class PartitionClockRepository {

    @PersistenceContext(unitName = "d8a")
    EntityManager em;

    /**
     * Creates the rows of partitions {@code 0} to {@code partitions - 1} that do not exist yet. Two nodes that start at
     * once may both try: the one whose insert conflicts fails, and finds the rows there when it tries again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensure(int partitions, long nowMillis) {
        Set<Integer> existing = new HashSet<>(em.createQuery("SELECT c.partition FROM PartitionClock c",
                Integer.class).getResultList());
        for (int p = 0; p < partitions; p++) {
            if (!existing.contains(p)) {
                em.persist(new PartitionClock(p, nowMillis));
            }
        }
    }

    /** One more message for each of {@code partitions} (a partition's first message creates its row). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void published(SortedMap<Integer, Long> messagesByPartition, long nowMillis) {
        Map<Integer, PartitionClock> rows = locked(messagesByPartition.keySet());
        messagesByPartition.forEach((partition, messages) -> {
            PartitionClock row = rows.get(partition);
            if (row == null) {
                row = new PartitionClock(partition, nowMillis);
                em.persist(row);
            }
            row.published(messages, nowMillis);
        });
    }

    /**
     * Messages consumed, or announced and then not published: per partition, how many and the receive time of the
     * newest of their hits (0 when not published).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void consumed(SortedMap<Integer, Consumed> byPartition, long nowMillis) {
        Map<Integer, PartitionClock> rows = locked(byPartition.keySet());
        byPartition.forEach((partition, consumed) -> {
            PartitionClock row = rows.get(partition);
            if (row != null) {
                row.consumed(consumed.messages(), consumed.newestHitMillis(), nowMillis);
            }
        });
    }

    /** Every partition's counts, as committed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PartitionClock> all() {
        return em.createQuery("SELECT c FROM PartitionClock c ORDER BY c.partition", PartitionClock.class)
                .getResultList();
    }

    /** How many messages and the newest hit among them, of one partition. */
    public record Consumed(long messages, long newestHitMillis) {
    }

    private Map<Integer, PartitionClock> locked(Set<Integer> partitions) {
        Map<Integer, PartitionClock> rows = new HashMap<>();
        List<Integer> ordered = new ArrayList<>(partitions);
        // ORDER BY before FOR UPDATE: the rows are locked in partition order
        em.createQuery("SELECT c FROM PartitionClock c WHERE c.partition IN :partitions ORDER BY c.partition",
                        PartitionClock.class)
                .setParameter("partitions", ordered)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(row -> rows.put(row.getPartition(), row));
        return rows;
    }
}
