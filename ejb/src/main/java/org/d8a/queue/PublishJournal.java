package org.d8a.queue;

import java.io.IOException;
import java.util.List;
import org.d8a.hits.Hit;

/**
 * A record the publisher keeps of every request before the transaction that queues the request's hits commits: the
 * raw log, when {@code receiver.raw_log} is on. The records of one publish cycle are written together, in one write,
 * and made durable before the cycle's messages are sent, so a request answered {@code 204} is always in the journal,
 * while the disk is touched once per cycle and not once per request. When the journal cannot be written the cycle is
 * refused: none of its hits is sent and every request of it fails with {@link JournalUnavailableException}.
 *
 * <p>{@link #record} runs on the publishing (request) thread; every other method on the publisher's one flusher
 * thread, which resolves each written cycle ({@link #committed} or {@link #notCommitted}) before it writes the
 * next.</p>
 */
public interface PublishJournal {

    /** Whether requests are journaled at all; read once, when the publisher starts. */
    boolean enabled();

    /** The record of one request's hits, made on the caller's thread. */
    byte[] record(List<Hit> hits);

    /**
     * Writes the records of one cycle, in order, and makes them durable. When it throws, none of them is kept.
     *
     * @throws IOException when the records could not be made durable
     */
    void write(List<byte[]> records) throws IOException;

    /** The cycle written last has committed to the hits queue: its requests are being acknowledged. */
    void committed();

    /** The cycle written last did not commit; its requests are refused, so its records must go. */
    void notCommitted();

    /** Nothing was published for a while: a good moment for bookkeeping writes (never forced). */
    void idle();
}
