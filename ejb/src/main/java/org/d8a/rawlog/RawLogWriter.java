package org.d8a.rawlog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.hits.Hit;
import org.d8a.queue.PublishJournal;

/**
 * The receiver's raw log ({@code receiver.raw_log}, off by default): every accepted request's hits, as queued (ids,
 * receive times, parameters), one JSON line per request, in files of at most {@code receiver.raw_log_max_bytes} under
 * {@code receiver.raw_log_directory} whose names sort in write order. The {@code replay} job re-ingests them for
 * backfills and recovery; {@link RawLogFile} is the format.
 *
 * <p>The hit publisher writes each publish cycle's requests here before it sends them, in one write followed by one
 * force, and then {@link #committed confirms} or {@link #notCommitted discards} them by the outcome of the commit: a request
 * is acknowledged only once it is on disk. When the log cannot be written the cycle is refused (its requests get
 * {@code 503}); the first failure is logged with its cause, then nothing until the log is written again, which is
 * logged with the number of requests refused in between. The publisher's one flusher thread is its writer.</p>
 */
@ApplicationScoped
public class RawLogWriter implements PublishJournal {

    private static final Logger LOG = Logger.getLogger(RawLogWriter.class.getName());

    @Inject
    RawLogSettings settings;

    private boolean enabled;
    private Path directory;
    private long maxBytes;
    private long filesOpened;
    private boolean closed;

    private Path file;
    private FileChannel channel;
    /** Bytes of the current file that stay: everything written but a discarded cycle. */
    private long size;
    /** Where the requests of the cycle written last start, while its commit is undecided; -1 otherwise. */
    private long undecidedStart = -1;
    private int undecidedRequests;
    /** Committed requests at the end of the current file whose confirmation is not written yet. */
    private int unconfirmedRequests;

    private Instant failingSince;
    private long refusedRequests;

    @PostConstruct
    void open() {
        enabled = settings.enabled();
        directory = settings.directory();
        maxBytes = settings.maxBytes();
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    /** The file this server writes now, {@code null} before its first request (each run starts a file of its own). */
    public synchronized Path currentFile() {
        return channel == null ? null : file;
    }

    /**
     * Confirms the requests after the last confirmation of {@code file}, a file of an earlier run that a recovery
     * replay has just put back on the hits queue, so that the next recovery does not replay them again. A last line
     * that a crash cut short is cut off first. The file this server writes now is never touched.
     *
     * @return the number of requests confirmed
     */
    public synchronized int confirmRecovered(Path file) throws IOException {
        if (channel != null && file.toAbsolutePath().normalize().equals(this.file.toAbsolutePath().normalize())) {
            return 0;
        }
        RawLogFile layout = RawLogFile.scan(file);
        if (layout.unconfirmed() == 0) {
            return 0;
        }
        try (FileChannel recovered = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = recovered.size();
            if (layout.torn()) {
                end = RawLogFile.lastLineStart(recovered);
                recovered.truncate(end);
            }
            ByteBuffer confirmation = ByteBuffer.wrap(RawLogFile.confirmationLine(layout.unconfirmed()));
            while (confirmation.hasRemaining()) {
                end += recovered.write(confirmation, end);
            }
            recovered.force(false);
        }
        return layout.unconfirmed();
    }

    /** The line of one request's hits (made on the request's thread, so the writer only copies bytes). */
    @Override
    public byte[] record(List<Hit> hits) {
        return RawLogFile.requestLine(hits);
    }

    /**
     * Appends the request lines of one publish cycle in one write, and forces them to disk, before the cycle commits.
     * The confirmation still owed for the previous cycle goes first, in the same write. When this throws, nothing of
     * the cycle stays in the log.
     *
     * @throws IOException when the lines could not be made durable: the cycle must be refused
     */
    @Override
    public synchronized void write(List<byte[]> lines) throws IOException {
        if (closed) {
            throw new IOException("the raw log is closed: the server is stopping");
        }
        long bytes = 0;
        for (byte[] line : lines) {
            bytes += line.length;
        }
        try {
            byte[] confirmation = unconfirmedRequests > 0 ? RawLogFile.confirmationLine(unconfirmedRequests) : null;
            long owed = confirmation == null ? 0 : confirmation.length;
            if (channel == null || (size > 0 && size + owed + bytes > maxBytes)) {
                rotate();
                confirmation = null;
            }
            ByteBuffer[] buffers = new ByteBuffer[lines.size() + (confirmation == null ? 0 : 1)];
            int i = 0;
            if (confirmation != null) {
                buffers[i++] = ByteBuffer.wrap(confirmation);
            }
            for (byte[] line : lines) {
                buffers[i++] = ByteBuffer.wrap(line);
            }
            append(buffers, true);
            unconfirmedRequests = 0;
            undecidedStart = size - bytes;
            undecidedRequests = lines.size();
        } catch (IOException e) {
            failed(e, lines.size());
            throw e;
        }
        recovered();
    }

    /** The cycle written last committed: its requests are confirmed with the next write, or when idle. */
    @Override
    public synchronized void committed() {
        if (undecidedStart >= 0) {
            unconfirmedRequests += undecidedRequests;
            undecidedStart = -1;
            undecidedRequests = 0;
        }
    }

    /**
     * The cycle written last did not commit: its requests, refused, are cut back out of the log. When even that
     * fails, the file is left as it is (its last requests stay unconfirmed) and the next cycle starts a new file.
     */
    @Override
    public synchronized void notCommitted() {
        if (undecidedStart < 0 || channel == null) {
            undecidedStart = -1;
            undecidedRequests = 0;
            return;
        }
        try {
            channel.truncate(undecidedStart);
            channel.force(false);
            size = undecidedStart;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove " + undecidedRequests + " refused requests from the end of the raw"
                    + " log file " + file + "; a replay with recover=true would put them on the queue", e);
            closeQuietly();
        } finally {
            undecidedStart = -1;
            undecidedRequests = 0;
        }
    }

    /** Writes the confirmation owed for the last committed cycle, if any (not forced: the next cycle's write is). */
    @Override
    public synchronized void idle() {
        if (unconfirmedRequests == 0 || channel == null || undecidedStart >= 0) {
            return;
        }
        try {
            append(new ByteBuffer[] {ByteBuffer.wrap(RawLogFile.confirmationLine(unconfirmedRequests))}, false);
            unconfirmedRequests = 0;
        } catch (IOException e) {
            // the next cycle's write tries again, and reports a failure if it fails too
            LOG.log(Level.FINE, "cannot write a confirmation to the raw log", e);
        }
    }

    /**
     * Writes {@code buffers} at the end of the current file, forced if asked. When the write fails, what it wrote
     * is cut off again; when that fails too, the file is closed and the next write starts a new one.
     */
    private void append(ByteBuffer[] buffers, boolean force) throws IOException {
        long start = size;
        try {
            channel.position(start);
            long remaining = 0;
            for (ByteBuffer buffer : buffers) {
                remaining += buffer.remaining();
            }
            while (remaining > 0) {
                remaining -= channel.write(buffers);
            }
            if (force) {
                channel.force(false);
            }
            size = channel.position();
        } catch (IOException e) {
            try {
                channel.truncate(start);
            } catch (IOException notCut) {
                e.addSuppressed(notCut);
                closeQuietly();
            }
            throw e;
        }
    }

    /**
     * Closes the current file and opens the next. The confirmation owed for the current file's last requests goes
     * into it first. File names sort in the order they were written, across restarts too (wall-clock milliseconds,
     * then a counter for files opened within one millisecond): the replay job reads them in that order.
     */
    private void rotate() throws IOException {
        if (channel != null && unconfirmedRequests > 0) {
            append(new ByteBuffer[] {ByteBuffer.wrap(RawLogFile.confirmationLine(unconfirmedRequests))}, true);
        }
        if (channel == null && unconfirmedRequests > 0) {
            LOG.warning(() -> "the raw log file " + file + " ends with " + unconfirmedRequests + " queued requests"
                    + " that could not be confirmed; a replay with recover=true would put them on the queue again");
        }
        unconfirmedRequests = 0;
        closeQuietly();
        Files.createDirectories(directory);
        Path next = directory.resolve(String.format("raw-%015d-%06d.jsonl", System.currentTimeMillis(),
                filesOpened++ % 1_000_000));
        channel = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        file = next;
        size = 0;
        syncDirectory();
    }

    /** Makes the new file's name durable, so that a power loss cannot lose a file whose lines were forced. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot force the raw log directory (not supported here?)", e);
        }
    }

    private void failed(IOException e, int requests) {
        refusedRequests += requests;
        if (closed) {
            LOG.log(Level.FINE, "raw log write refused while stopping", e);
        } else if (failingSince == null) {
            failingSince = Instant.now();
            LOG.log(Level.SEVERE, "cannot write the raw log under " + directory + ": requests are refused with 503"
                    + " until it can be written again (reported once; the recovery is logged)", e);
        } else {
            LOG.log(Level.FINE, "the raw log still cannot be written", e);
        }
    }

    private void recovered() {
        if (failingSince != null) {
            LOG.info("the raw log under " + directory + " is written again; " + refusedRequests + " requests were"
                    + " refused with 503 since " + failingSince);
            failingSince = null;
            refusedRequests = 0;
        }
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the raw log file " + file + " failed", e);
            }
            channel = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        idle();
        if (channel != null) {
            try {
                channel.force(false);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "forcing the raw log file " + file + " failed", e);
            }
        }
        closeQuietly();
        closed = true;
    }
}
