package org.d8a.persistence.protosession;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The open hits of one isolated client, waiting for its inactivity timeout. Appends come from the consumer that owns
 * the client's partition, closes from the timing wheel; {@link #version} keeps the two apart (a close that loses the
 * race retries on a later tick, an append that finds the row gone starts a new proto-session).
 */
@Entity
@Table(name = "proto_session", indexes = @Index(name = "proto_session_expiry", columnList = "expiry_bucket"))
public class ProtoSession {

    @Id
    @Column(name = "isolated_client_id", length = 64)
    private String isolatedClientId;

    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Column(name = "last_hit_millis", nullable = false)
    private long lastHitMillis;

    /** Timing-wheel bucket (epoch second) in which this proto-session times out, on data time. */
    @Column(name = "expiry_bucket", nullable = false)
    private long expiryBucket;

    @Column(name = "hit_count", nullable = false)
    private int hitCount;

    /**
     * The queue partition whose consumer appends to this proto-session; the timing wheel closes it on that partition's
     * data time. Null for proto-sessions stored before the column existed.
     */
    @Column(name = "partition_index")
    private Integer partitionIndex;

    @Version
    private long version;

    protected ProtoSession() {
    }

    public ProtoSession(String isolatedClientId, String propertyId, int partitionIndex) {
        this.isolatedClientId = isolatedClientId;
        this.propertyId = propertyId;
        this.partitionIndex = partitionIndex;
    }

    /** Records one more hit; the expiry only moves forward, so a late hit never shortens the session. */
    public void recordHit(long receivedAtMillis, long timeoutMillis) {
        hitCount++;
        lastHitMillis = Math.max(lastHitMillis, receivedAtMillis);
        expiryBucket = Math.floorDiv(lastHitMillis + timeoutMillis, 1000L);
    }

    public String getIsolatedClientId() {
        return isolatedClientId;
    }

    public String getPropertyId() {
        return propertyId;
    }

    public long getLastHitMillis() {
        return lastHitMillis;
    }

    public long getExpiryBucket() {
        return expiryBucket;
    }

    public int getHitCount() {
        return hitCount;
    }

    public Integer getPartitionIndex() {
        return partitionIndex;
    }

    public long getVersion() {
        return version;
    }
}
