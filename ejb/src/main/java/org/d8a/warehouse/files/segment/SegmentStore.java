package org.d8a.warehouse.files.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.d8a.persistence.segment.ActiveSegment;
import org.d8a.warehouse.files.schema.StreamKey;

/**
 * The durable staging of the files warehouse (spec/warehouses.md §4.2-4.3): every write appends one frame to its
 * stream's active segment {@code <stem>.<generation>.spool}, synced before the write returns; a segment is sealed
 * (renamed to a {@link SealedSegment}) once it reaches the size limit, or by the periodic flush.
 *
 * <p>Exactly once, with the caller's transaction: the ledger holds how many bytes of the active segment belong to
 * committed deliveries. An append first cuts the file back to that length (what a delivery that rolled back had
 * appended, or half a frame a crash left, disappears), then appends and records the new length in the same transaction.
 * A seal cuts the file back the same way, moves the ledger to the next generation and renames the file only after the
 * transaction committed: a sealed segment holds committed bytes only, and a seal that rolled back changed nothing. A
 * crash between that commit and the rename leaves an active file of an older generation, which the next flush seals.
 * </p>
 */
public final class SegmentStore {

    private static final Logger LOG = Logger.getLogger(SegmentStore.class.getName());
    private static final Pattern ACTIVE = Pattern.compile("(.+)\\.(\\d+)\\.spool");
    private static final long MAX_PAYLOAD = 0xFFFF_FFFFL;

    private final Path directory;
    private final SegmentLedger ledger;
    private final AfterCommit afterCommit;
    private final long maxSegmentSize;
    private final Clock clock;

    public SegmentStore(Path directory, SegmentLedger ledger, AfterCommit afterCommit, long maxSegmentSize,
            Clock clock) {
        this.directory = directory;
        this.ledger = ledger;
        this.afterCommit = afterCommit;
        this.maxSegmentSize = maxSegmentSize;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** Appends one frame to the stream's active segment and syncs it; seals the segment when it reached the limit. */
    public void append(StreamKey key, byte[] payload) throws IOException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IOException("a frame of " + payload.length + " bytes is larger than a segment frame can be");
        }
        ActiveSegment segment = ledger.lock(key.stem());
        Path file = activeFile(key.stem(), segment.getGeneration());
        Files.createDirectories(directory);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            cutToCommitted(channel, file, segment);
            ByteBuffer frame = ByteBuffer.allocate(4 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
            frame.putInt((int) payload.length).put(payload).flip();
            channel.position(segment.getCommittedLength());
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
            channel.force(true);
            segment.commit(channel.position());
        }
        if (segment.getCommittedLength() >= maxSegmentSize) {
            seal(key.stem(), segment);
        }
    }

    /**
     * Seals every stream's active segment that holds committed rows, and finishes the seals a crash interrupted. Runs
     * in its own transaction, which waits for the deliveries writing to the same streams.
     */
    public void sealAll() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        for (String stem : ledger.stems()) {
            ActiveSegment segment = ledger.lock(stem);
            sealOlderGenerations(stem, segment.getGeneration());
            if (segment.getCommittedLength() > 0) {
                seal(stem, segment);
            }
        }
    }

    /** Sealed segments, oldest first within each stream (names sort by seal time). */
    public List<SealedSegment> sealed() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<SealedSegment> sealed = new ArrayList<>();
            files.sorted().forEach(file -> SealedSegment.of(file).ifPresent(sealed::add));
            return sealed;
        }
    }

    /** Keeps a segment that keeps failing aside, as {@code <name>.quarantine}: never retried, never deleted. */
    public Path quarantine(SealedSegment segment) throws IOException {
        Path target = segment.file().resolveSibling(segment.file().getFileName() + ".quarantine");
        Files.move(segment.file(), target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    Path activeFile(String stem, long generation) {
        return directory.resolve(stem + "." + generation + ".spool");
    }

    private void seal(String stem, ActiveSegment segment) throws IOException {
        Path file = activeFile(stem, segment.getGeneration());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            cutToCommitted(channel, file, segment);
            channel.force(true);
        }
        Path sealed = directory.resolve(SealedSegment.fileName(StreamKey.parse(stem), clock.instant(),
                UUID.randomUUID()));
        segment.nextGeneration();
        afterCommit.run(() -> {
            try {
                rename(file, sealed);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not rename sealed segment " + file + "; the next flush seals it", e);
            }
        });
    }

    private static void cutToCommitted(FileChannel channel, Path file, ActiveSegment segment) throws IOException {
        long size = channel.size();
        if (size < segment.getCommittedLength()) {
            throw new IOException(file + " holds " + size + " bytes, fewer than the " + segment.getCommittedLength()
                    + " committed ones: the spool directory was changed behind the warehouse's back");
        }
        if (size > segment.getCommittedLength()) {
            LOG.fine(() -> "cutting " + (size - segment.getCommittedLength()) + " uncommitted bytes off " + file);
            channel.truncate(segment.getCommittedLength());
        }
    }

    private void sealOlderGenerations(String stem, long generation) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher name = ACTIVE.matcher(file.getFileName().toString());
                if (name.matches() && name.group(1).equals(stem) && Long.parseLong(name.group(2)) < generation) {
                    LOG.info(() -> "finishing the seal of " + file + " that a stop interrupted");
                    rename(file, directory.resolve(SealedSegment.fileName(StreamKey.parse(stem), clock.instant(),
                            UUID.randomUUID())));
                }
            }
        }
    }

    private static void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
}
