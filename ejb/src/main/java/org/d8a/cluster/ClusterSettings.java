package org.d8a.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.d8a.config.ConfigReader;

/**
 * Whether this server is a node of a cluster (standalone-config/scripts/cluster.cli sets the system property
 * {@code cluster.enabled}), its name, and how the nodes share the work (docs/operations.md, "A cluster").
 */
@ApplicationScoped
public class ClusterSettings {

    @Inject
    ConfigReader config;

    /** {@code cluster.enabled}: the data-time counts and the leases live in the shared database. */
    public boolean enabled() {
        return config.bool("cluster.enabled", false);
    }

    /** {@code jboss.node.name}: the node's name, unique in the cluster (WildFly defaults it to the host name). */
    public String nodeName() {
        return config.string("jboss.node.name", "localhost");
    }

    /**
     * {@code cluster.lease_timeout}: how long a node leads (ticks the timing wheel, starts deliveries) after it last
     * renewed its lease; another node takes over this long after the leader died.
     */
    public Duration leaseTimeout() {
        return config.duration("cluster.lease_timeout", "10s");
    }

    /**
     * {@code cluster.stalled_partition_timeout}: a partition whose shared count has not changed for this long no
     * longer holds its data time back. Its count is then off (a node died between its send and its count, or its
     * consumer's append and its count) or its messages wait in a dead node's journal, which delivers them when it
     * restarts.
     */
    public Duration stalledPartitionTimeout() {
        return config.duration("cluster.stalled_partition_timeout", "60s");
    }
}
