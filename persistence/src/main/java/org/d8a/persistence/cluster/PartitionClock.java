package org.d8a.persistence.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One hits-queue partition's data-time counts, shared by every node of a cluster: the messages published to it and
 * not yet consumed (by any node), the receive time of the newest hit a consumer committed, and when either last
 * changed. A single server keeps the same counts in memory instead.
 */
@Entity
@Table(name = "partition_clock")
public class PartitionClock {

    @Id
    @Column(name = "partition_no")
    private int partition;

    @Column(name = "pending", nullable = false)
    private long pending;

    @Column(name = "newest_millis", nullable = false)
    private long newestMillis;

    @Column(name = "touched_millis", nullable = false)
    private long touchedMillis;

    protected PartitionClock() {
    }

    public PartitionClock(int partition, long touchedMillis) {
        this.partition = partition;
        this.touchedMillis = touchedMillis;
    }

    public int getPartition() {
        return partition;
    }

    public long getPending() {
        return pending;
    }

    public long getNewestMillis() {
        return newestMillis;
    }

    public long getTouchedMillis() {
        return touchedMillis;
    }

    /** {@code messages} more were published, at {@code nowMillis}. */
    public void published(long messages, long nowMillis) {
        pending += messages;
        touchedMillis = nowMillis;
    }

    /**
     * {@code messages} were consumed (or were not published after all), the newest of their hits received at
     * {@code newestHitMillis} (0 for none). A count never goes below zero: messages of a run before the cluster's
     * counts existed were never counted.
     */
    public void consumed(long messages, long newestHitMillis, long nowMillis) {
        pending = Math.max(0, pending - messages);
        newestMillis = Math.max(newestMillis, newestHitMillis);
        touchedMillis = nowMillis;
    }
}
