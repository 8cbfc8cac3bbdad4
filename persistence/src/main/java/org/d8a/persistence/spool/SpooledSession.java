package org.d8a.persistence.spool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.d8a.persistence.text.StorableText;

/**
 * A closed session waiting for delivery to the warehouse (persistent spool, at-least-once mode). It is written in the
 * transaction that removes its proto-session and removed in the transaction that records its delivery.
 */
@Entity
@Table(name = "spooled_session", indexes = {
        @Index(name = "spooled_session_due", columnList = "quarantined, next_attempt_millis"),
        @Index(name = "spooled_session_staging", columnList = "staging")})
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

    /** Failed delivery attempts since the session was spooled or last released from quarantine. */
    @Column(name = "failures", nullable = false)
    private int failures;

    /** Earliest time of the next delivery attempt (backoff after failures). */
    @Column(name = "next_attempt_millis", nullable = false)
    private long nextAttemptMillis;

    /** Kept, never delivered automatically, after too many failures; the redeliver job releases it. */
    @Column(name = "quarantined", nullable = false)
    private boolean quarantined;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    /**
     * The warehouse's staged write that holds the session's rows, invisible until it is published; the session leaves
     * the spool once it is. Null for a session not written yet.
     */
    @Column(name = "staging", length = 1024)
    private String staging;

    /** The session's hits in session order, as encoded by the hit codec. */
    // Text, not a LOB: Hibernate maps a LOB to PostgreSQL's large objects (oid), which are read through a separate API and
    // outlive their deleted rows; "text" is a character large object on H2 (as @Lob made it) and unbounded text on PostgreSQL.
    @Column(name = "payload", nullable = false, columnDefinition = "text")
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

    /**
     * Records a failed attempt: the next one waits {@code backoffMillis}; after {@code maxFailures} the session is
     * quarantined.
     */
    public void recordFailure(String error, long nowMillis, long backoffMillis, int maxFailures) {
        failures++;
        nextAttemptMillis = nowMillis + backoffMillis;
        lastError = diagnostic(error);
        quarantined = failures >= maxFailures;
    }

    /**
     * Records that publishing its staged write failed. The rows are written, so this is no failed delivery: there is
     * no backoff, no quarantine, and the next delivery publishes again.
     */
    public void recordPublicationFailure(String error) {
        lastError = diagnostic(error);
    }

    private static String diagnostic(String error) {
        return error == null ? null : StorableText.diagnostic(error.substring(0, Math.min(error.length(), 2000)));
    }

    /** Puts a quarantined session back in line for delivery, with a fresh failure count. */
    public void release() {
        quarantined = false;
        failures = 0;
        nextAttemptMillis = 0;
    }

    /** Its rows are in {@code staging}, which the delivery publishes after its transaction committed. */
    public void staged(String staging) {
        this.staging = staging;
    }

    public String getStaging() {
        return staging;
    }

    public int getFailures() {
        return failures;
    }

    public long getNextAttemptMillis() {
        return nextAttemptMillis;
    }

    public boolean isQuarantined() {
        return quarantined;
    }

    public String getLastError() {
        return lastError;
    }

    public String getPayload() {
        return payload;
    }
}
