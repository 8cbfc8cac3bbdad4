package org.d8a.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.d8a.persistence.cluster.ClusterLeaseRepository;

/**
 * Which node of a cluster ticks the timing wheel and starts deliveries: the holder of the {@code leader} lease in the
 * shared database, renewed as it ticks. A single server always leads. A leader that stops renewing (killed, cut off
 * from the database) loses the lease after {@code cluster.lease_timeout}, and the next node that asks takes it over.
 */
@ApplicationScoped
public class NodeLeadership {

    static final String LEASE = "leader";
    private static final Logger LOG = Logger.getLogger(NodeLeadership.class.getName());
    /** A lease is renewed at most this often, however many callers ask. */
    private static final long RENEW_MILLIS = 1000;

    @Inject
    ClusterSettings settings;

    @Inject
    ClusterLeaseRepository leases;

    private long checkedAt;
    private boolean leading;
    private String leader;
    private long terms;

    /**
     * Whether this node leads now. Asking renews the lease (or tries to take it) at most once a second.
     *
     * @throws RuntimeException when the database cannot be asked: the node then does not know, and does nothing that
     *                          needs the lease
     */
    public synchronized boolean leads() {
        if (!settings.enabled()) {
            terms = 1;
            return true;
        }
        long now = System.currentTimeMillis();
        if (now - checkedAt < RENEW_MILLIS) {
            return leading;
        }
        String node = settings.nodeName();
        String holder;
        try {
            holder = leases.acquire(LEASE, node, now, now + settings.leaseTimeout().toMillis());
        } catch (RuntimeException e) {
            leading = false;
            checkedAt = now;
            throw e;
        }
        boolean wasLeading = leading;
        leading = node.equals(holder);
        checkedAt = now;
        if (leading && !wasLeading) {
            terms++;
        }
        if (!holder.equals(leader)) {
            LOG.info(() -> node.equals(holder) ? "node " + node + " leads the cluster: it ticks the timing wheel and"
                    + " starts deliveries" : "node " + holder + " leads the cluster");
            leader = holder;
        }
        return leading;
    }

    /**
     * How many times this node has taken the lease (a single server: 1 once it asked): work that a leader does once
     * when it takes over, such as restarting a delivery the previous leader left cut off, runs once per term.
     */
    public synchronized long term() {
        return terms;
    }
}
