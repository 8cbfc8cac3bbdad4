package org.d8a.delivery.spool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A closed session waiting for delivery to the warehouse (persistent spool, at-least-once mode). It is written in the
 * transaction that removes its proto-session and removed in the transaction that records its delivery.
 */
@Entity
@Table(name = "spooled_session")
public class SpooledSession {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "spooled_session_seq")
    @SequenceGenerator(name = "spooled_session_seq", sequenceName = "spooled_session_seq", allocationSize = 50)
    private Long id;

    @Column(name = "property_id", nullable = false)
    private String propertyId;

    @Column(name = "closed_at_millis", nullable = false)
    private long closedAtMillis;

    @Column(name = "hit_count", nullable = false)
    private int hitCount;

    /** The session's hits in session order, as encoded by the hit codec. */
    @Lob
    @Column(name = "payload", nullable = false)
    private String payload;

    protected SpooledSession() {
    }

    public SpooledSession(String propertyId, long closedAtMillis, int hitCount, String payload) {
        this.propertyId = propertyId;
        this.closedAtMillis = closedAtMillis;
        this.hitCount = hitCount;
        this.payload = payload;
    }

    public Long getId() {
        return id;
    }

    public String getPropertyId() {
        return propertyId;
    }

    public long getClosedAtMillis() {
        return closedAtMillis;
    }

    public int getHitCount() {
        return hitCount;
    }

    public String getPayload() {
        return payload;
    }
}
