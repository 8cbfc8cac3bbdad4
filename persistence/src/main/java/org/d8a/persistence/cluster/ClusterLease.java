package org.d8a.persistence.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lease one node of a cluster holds until it expires or the node renews it (the timing wheel's, delivery's). */
@Entity
@Table(name = "cluster_lease")
public class ClusterLease {

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "holder", nullable = false, length = 255)
    private String holder;

    @Column(name = "until_millis", nullable = false)
    private long untilMillis;

    protected ClusterLease() {
    }

    public ClusterLease(String name, String holder, long untilMillis) {
        this.name = name;
        this.holder = holder;
        this.untilMillis = untilMillis;
    }

    public String getName() {
        return name;
    }

    public String getHolder() {
        return holder;
    }

    public long getUntilMillis() {
        return untilMillis;
    }

    /** {@code node} holds the lease until {@code untilMillis}. */
    public void renew(String node, long untilMillis) {
        holder = node;
        this.untilMillis = untilMillis;
    }
}
