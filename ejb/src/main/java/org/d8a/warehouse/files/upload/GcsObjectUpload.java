package org.d8a.warehouse.files.upload;

import com.google.cloud.BaseServiceException;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One object being written to GCS through a resumable upload (spec/warehouses.md §4.8), open until it is committed
 * or aborted. Closing the {@link WriteChannel} sends the last chunk with the object's total size, which is what
 * finalises the object, so {@link #commit()} closes it and {@link #abort()} never does: an unfinalised resumable
 * session is never visible, and GCS discards it after a week. Commit and abort are idempotent, as the reference's:
 * commit after abort is {@code upload already aborted}, abort after commit is {@code upload already committed}; a
 * failed commit keeps its error for a repeated commit and still allows an abort, which deletes the object should the
 * failed close have finalised it after all (the response lost, say).
 */
final class GcsObjectUpload {

    /** Custom metadata naming the upload that wrote an object, so that an abort deletes only its own object. */
    static final String UPLOAD_ID = "d8a-upload-id";

    private enum State { OPEN, COMMITTED, ABORTED }

    private final Storage storage;
    private final BlobId object;
    private final String uploadId;
    private final WriteChannel channel;
    private State state = State.OPEN;
    private IOException commitError;

    /** @param channel writes {@code object} with {@link #UPLOAD_ID} {@code uploadId} in its metadata */
    GcsObjectUpload(Storage storage, BlobId object, String uploadId, WriteChannel channel) {
        this.storage = storage;
        this.object = object;
        this.uploadId = uploadId;
        this.channel = channel;
    }

    /** Writes all of {@code bytes}; the channel sends a chunk whenever its buffer is full. */
    synchronized void write(ByteBuffer bytes) throws IOException {
        if (state != State.OPEN) {
            throw new IOException("upload already " + (state == State.ABORTED ? "aborted" : "committed"));
        }
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (BaseServiceException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Finalises the object: it becomes visible, replacing any earlier object of the same name. */
    synchronized void commit() throws IOException {
        if (state == State.ABORTED) {
            throw new IOException("upload already aborted");
        }
        if (state == State.COMMITTED) {
            if (commitError != null) {
                throw commitError;
            }
            return;
        }
        state = State.COMMITTED;
        try {
            channel.close();
        } catch (IOException | BaseServiceException e) {
            commitError = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw commitError;
        }
    }

    /** Leaves no object of this upload behind; an earlier object of the same name is kept. */
    synchronized void abort() throws IOException {
        if (state == State.ABORTED) {
            return;
        }
        if (state == State.COMMITTED && commitError == null) {
            throw new IOException("upload already committed");
        }
        boolean closeAttempted = state == State.COMMITTED;
        state = State.ABORTED;
        if (!closeAttempted) {
            // only the close sends the total size: without it the server cannot have finalised anything
            return;
        }
        try {
            deleteIfFinalised();
        } catch (BaseServiceException e) {
            throw new IOException("abort of gs://" + object.getBucket() + "/" + object.getName() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The generation condition keeps an object that someone else wrote since from being deleted. */
    private void deleteIfFinalised() {
        Blob written = storage.get(object);
        if (written != null && written.getMetadata() != null
                && uploadId.equals(written.getMetadata().get(UPLOAD_ID))) {
            storage.delete(object, Storage.BlobSourceOption.generationMatch(written.getGeneration()));
        }
    }
}
