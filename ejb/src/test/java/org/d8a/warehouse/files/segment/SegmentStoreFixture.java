package org.d8a.warehouse.files.segment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.d8a.warehouse.files.schema.StreamKey;

/** A segments with simulated transactions, for the tests of what happens to sealed segments. */
public final class SegmentStoreFixture {

    private final SimulatedTransactions tx = new SimulatedTransactions();
    private final SegmentStore segments;

    public SegmentStoreFixture(Path directory, Clock clock) {
        segments = new SegmentStore(directory, tx, tx, 1L << 30, clock);
    }

    public SegmentStore segments() {
        return segments;
    }

    /** One committed delivery of {@code rows}. */
    public void deliver(StreamKey key, List<Map<String, Object>> rows) throws IOException {
        segments.append(key, FrameCodec.encode(rows));
        tx.commit();
    }

    /** One committed flush: every stream with rows sealed. */
    public void seal() throws IOException {
        segments.sealAll();
        tx.commit();
    }
}
