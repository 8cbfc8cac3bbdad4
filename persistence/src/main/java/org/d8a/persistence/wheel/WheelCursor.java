package org.d8a.persistence.wheel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The timing wheel's position: every bucket below {@link #nextBucket} has been closed. Survives restarts. */
@Entity
@Table(name = "wheel_cursor")
public class WheelCursor {

    public static final String DEFAULT = "default";

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "next_bucket", nullable = false)
    private long nextBucket;

    protected WheelCursor() {
    }

    public WheelCursor(String name, long nextBucket) {
        this.name = name;
        this.nextBucket = nextBucket;
    }

    public String getName() {
        return name;
    }

    public long getNextBucket() {
        return nextBucket;
    }

    public void advanceTo(long bucket) {
        nextBucket = Math.max(nextBucket, bucket);
    }
}
