package org.d8a.persistence.segment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The active segment of one files-warehouse stream (escaped table and schema fingerprint): which generation of the
 * segment file is being appended to, and how many of its bytes belong to committed deliveries.
 *
 * <p>Bytes beyond {@link #getCommittedLength()} were appended by a delivery whose transaction never committed and are
 * cut off before the next append or seal, so a redelivered session is written exactly once. Sealing moves the stream
 * to the next generation in the same transaction; the sealed file is renamed only once that transaction committed, so
 * a seal that rolled back leaves the old generation active and nothing half-sealed.</p>
 */
@Entity
@Table(name = "files_active_segment")
public class ActiveSegment {

    @Id
    @Column(name = "stream", length = 512)
    private String stream;

    @Column(name = "generation", nullable = false)
    private long generation;

    @Column(name = "committed_length", nullable = false)
    private long committedLength;

    protected ActiveSegment() {
    }

    public ActiveSegment(String stream) {
        this.stream = stream;
    }

    /** A copy, for keeping the committed state apart from a transaction's changes. */
    public ActiveSegment(ActiveSegment other) {
        this.stream = other.stream;
        this.generation = other.generation;
        this.committedLength = other.committedLength;
    }

    public String getStream() {
        return stream;
    }

    public long getGeneration() {
        return generation;
    }

    public long getCommittedLength() {
        return committedLength;
    }

    /** The committed bytes now end at {@code length}. */
    public void commit(long length) {
        committedLength = length;
    }

    /** The current generation was sealed: the next one starts empty. */
    public void nextGeneration() {
        generation++;
        committedLength = 0;
    }
}
