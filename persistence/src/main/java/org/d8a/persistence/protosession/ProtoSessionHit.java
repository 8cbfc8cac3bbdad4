package org.d8a.persistence.protosession;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One hit of a proto-session, stored as a row value (never as a key) with its receive time and arrival order. */
@Entity
@Table(name = "proto_session_hit", indexes = {
        @Index(name = "proto_session_hit_owner", columnList = "isolated_client_id"),
        @Index(name = "proto_session_hit_fingerprint", columnList = "isolated_client_id, fingerprint")})
public class ProtoSessionHit {

    /** Room for the largest hit the receiver accepts (128 KiB by default), even with JSON escaping. */
    public static final int MAX_PAYLOAD_CHARS = 1_000_000;

    @Id
    @Column(name = "hit_id", length = 64)
    private String hitId;

    @Column(name = "isolated_client_id", length = 64, nullable = false)
    private String isolatedClientId;

    @Column(name = "received_at_millis", nullable = false)
    private long receivedAtMillis;

    @Column(name = "arrival_seq", nullable = false)
    private long arrivalSeq;

    /** Hash of what the client sent for this hit: a client's retry of the same request has the same one. */
    @Column(name = "fingerprint", length = 64)
    private String fingerprint;

    /** Inline text rather than a LOB: H2 stores each LOB as a separate stream, which made every append and close slow. */
    @Column(name = "payload", nullable = false, length = MAX_PAYLOAD_CHARS)
    private String payload;

    protected ProtoSessionHit() {
    }

    public ProtoSessionHit(String hitId, String isolatedClientId, long receivedAtMillis, long arrivalSeq,
            String fingerprint, String payload) {
        this.hitId = hitId;
        this.isolatedClientId = isolatedClientId;
        this.receivedAtMillis = receivedAtMillis;
        this.arrivalSeq = arrivalSeq;
        this.fingerprint = fingerprint;
        this.payload = payload;
    }

    public String getHitId() {
        return hitId;
    }

    public String getIsolatedClientId() {
        return isolatedClientId;
    }

    public long getReceivedAtMillis() {
        return receivedAtMillis;
    }

    public long getArrivalSeq() {
        return arrivalSeq;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getPayload() {
        return payload;
    }
}
