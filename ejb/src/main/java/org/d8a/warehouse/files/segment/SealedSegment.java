package org.d8a.warehouse.files.segment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.d8a.warehouse.files.schema.StreamKey;

/**
 * A sealed segment: {@code <stem>.spool.inflight.<unixNanos>.<uuid>}. The seal time and the UUID are fixed in the name
 * when the segment is sealed, so the segment id (and so the remote key) stays the same however often its upload is
 * retried: a crash between an upload and the deletion of the segment re-uploads over the same object instead of
 * adding a second file with the same rows (the reference draws the id at upload time).
 */
public record SealedSegment(Path file, StreamKey key, Instant sealedAt, UUID id) {

    static final String INFLIGHT = ".spool.inflight.";

    private static final Pattern NAME = Pattern.compile("(.+)\\.spool\\.inflight\\.(\\d+)\\.([0-9a-f-]{36})");

    static String fileName(StreamKey key, Instant sealedAt, UUID id) {
        long nanos = sealedAt.getEpochSecond() * 1_000_000_000L + sealedAt.getNano();
        return key.stem() + INFLIGHT + nanos + "." + id;
    }

    /** The segment a file name describes; empty for any other file (active segments, quarantined ones, schemas). */
    public static Optional<SealedSegment> of(Path file) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            return Optional.empty();
        }
        long nanos = Long.parseLong(name.group(2));
        return Optional.of(new SealedSegment(file, StreamKey.parse(name.group(1)),
                Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L), UUID.fromString(name.group(3))));
    }

    /** {@code <unixSeconds>_<uuid>}, the reference's segment id shape. */
    public String segmentId() {
        return sealedAt.getEpochSecond() + "_" + id;
    }
}
