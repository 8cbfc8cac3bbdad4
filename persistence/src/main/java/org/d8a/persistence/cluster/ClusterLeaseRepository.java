package org.d8a.persistence.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Leases in the shared database: at most one node of a cluster holds a lease at a time. */
@ApplicationScoped
public class ClusterLeaseRepository {

    @PersistenceContext(unitName = "d8a")
    EntityManager em;

    /**
     * Takes or renews lease {@code name} for {@code node} until {@code untilMillis}, unless another node holds it past
     * {@code nowMillis}. Returns the node holding it afterwards. The row is locked while it is read, so two nodes
     * whose leases run out at once cannot both take it; the first lease ever of a name is an insert, which fails for
     * the second of two nodes that try at once (it finds the lease held when it tries again).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String acquire(String name, String node, long nowMillis, long untilMillis) {
        ClusterLease lease = em.find(ClusterLease.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (lease == null) {
            em.persist(new ClusterLease(name, node, untilMillis));
            return node;
        }
        if (lease.getHolder().equals(node) || lease.getUntilMillis() < nowMillis) {
            lease.renew(node, untilMillis);
        }
        return lease.getHolder();
    }
}
