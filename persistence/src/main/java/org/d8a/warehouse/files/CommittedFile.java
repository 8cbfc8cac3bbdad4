package org.d8a.warehouse.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How many bytes of a warehouse file belong to committed deliveries. Bytes beyond it were appended by a delivery whose
 * transaction never committed (a crash between the write and the commit) and are cut off before the next append, so a
 * redelivered session is written exactly once.
 */
@Entity
@Table(name = "committed_file")
public class CommittedFile {

    @Id
    @Column(name = "path", length = 1024)
    private String path;

    @Column(name = "committed_length", nullable = false)
    private long committedLength;

    protected CommittedFile() {
    }

    public CommittedFile(String path, long committedLength) {
        this.path = path;
        this.committedLength = committedLength;
    }

    public String getPath() {
        return path;
    }

    public long getCommittedLength() {
        return committedLength;
    }

    public void commit(long length) {
        committedLength = length;
    }
}
