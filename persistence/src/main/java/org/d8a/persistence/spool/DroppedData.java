package org.d8a.persistence.spool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.d8a.persistence.text.StorableText;

/**
 * An event or session that could not be written (a broken event or session, spec/pipeline.md §4.5), kept with the
 * reason and its hits so that it is never silently lost and can be examined or replayed.
 */
@Entity
@Table(name = "dropped_data")
public class DroppedData {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dropped_data_seq")
    @SequenceGenerator(name = "dropped_data_seq", sequenceName = "dropped_data_seq", allocationSize = 50)
    private Long id;

    @Column(name = "property_id", nullable = false)
    private String propertyId;

    /** {@code event} or {@code session}. */
    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "reason", nullable = false, length = 2000)
    private String reason;

    @Column(name = "dropped_at_millis", nullable = false)
    private long droppedAtMillis;

    /** The dropped hits, as encoded by the hit codec. */
    // Text, not a LOB: Hibernate maps a LOB to PostgreSQL's large objects (oid), which are read through a separate API and
    // outlive their deleted rows; "text" is a character large object on H2 (as @Lob made it) and unbounded text on PostgreSQL.
    @Column(name = "payload", nullable = false, columnDefinition = "text")
    private String payload;

    protected DroppedData() {
    }

    public DroppedData(String propertyId, String kind, String reason, long droppedAtMillis, String payload) {
        this.propertyId = propertyId;
        this.kind = kind;
        this.reason = StorableText.diagnostic(reason.substring(0, Math.min(reason.length(), 2000)));
        this.droppedAtMillis = droppedAtMillis;
        this.payload = payload;
    }

    public Long getId() {
        return id;
    }

    public String getPropertyId() {
        return propertyId;
    }

    public String getKind() {
        return kind;
    }

    public String getReason() {
        return reason;
    }

    public long getDroppedAtMillis() {
        return droppedAtMillis;
    }

    public String getPayload() {
        return payload;
    }
}
