package org.d8a.sessions.proto;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One hit of a proto-session, stored as a row value (never as a key) with its receive time and arrival order. */
@Entity
@Table(name = "proto_session_hit", indexes = @Index(name = "proto_session_hit_owner", columnList = "isolated_client_id"))
public class ProtoSessionHit {

    @Id
    @Column(name = "hit_id", length = 64)
    private String hitId;

    @Column(name = "isolated_client_id", length = 64, nullable = false)
    private String isolatedClientId;

    @Column(name = "received_at_millis", nullable = false)
    private long receivedAtMillis;

    @Column(name = "arrival_seq", nullable = false)
    private long arrivalSeq;

    @Lob
    @Column(name = "payload", nullable = false)
    private String payload;

    protected ProtoSessionHit() {
    }

    public ProtoSessionHit(String hitId, String isolatedClientId, long receivedAtMillis, long arrivalSeq, String payload) {
        this.hitId = hitId;
        this.isolatedClientId = isolatedClientId;
        this.receivedAtMillis = receivedAtMillis;
        this.arrivalSeq = arrivalSeq;
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

    public String getPayload() {
        return payload;
    }
}
