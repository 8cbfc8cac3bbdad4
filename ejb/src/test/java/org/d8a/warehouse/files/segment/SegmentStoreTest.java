package org.d8a.warehouse.files.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.warehouse.files.schema.StreamKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment lifecycle: appends exactly once with the transaction, seals by size and by the flush, crash tails. */
class SegmentStoreTest {

    private static final StreamKey EVENTS = StreamKey.of("events", "5e20eb9f5aa61f3b");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-25T10:02:03Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final SimulatedTransactions tx = new SimulatedTransactions();

    private SegmentStore store(long maxSize) {
        return new SegmentStore(dir, tx, tx, maxSize, CLOCK);
    }

    @Test
    void aFrameKeepsTheJavaTypesOfItsValues() throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("long", 1L);
        row.put("int", 1);
        row.put("double", 1.0);
        row.put("float", 1.5f);
        row.put("flag", false);
        row.put("at", Instant.parse("2026-02-24T14:30:45.123456789Z"));
        row.put("day", LocalDate.of(2026, 2, 24));
        row.put("none", null);
        row.put("params", List.of(Map.of("name", "x", "value", 2L), List.of("a")));
        row.put("text", "é".repeat(70_000));
        List<Map<String, Object>> decoded = FrameCodec.decode(FrameCodec.encode(List.of(row, Map.of())));
        assertEquals(List.of(row, Map.of()), decoded);
        assertEquals(List.copyOf(row.keySet()), List.copyOf(decoded.get(0).keySet()));
        assertEquals(Integer.class, decoded.get(0).get("int").getClass());
        assertEquals(Float.class, decoded.get(0).get("float").getClass());
    }

    @Test
    void aRolledBackDeliveryLeavesNoBytes() throws Exception {
        SegmentStore store = store(1 << 20);
        store.append(EVENTS, frame("committed"));
        tx.commit();
        store.append(EVENTS, frame("rolled back"));
        tx.rollback();
        store.append(EVENTS, frame("redelivered"));
        tx.commit();
        store.sealAll();
        tx.commit();
        assertEquals(List.of("committed", "redelivered"), ids(onlySealed(store)));
    }

    @Test
    void aFrameACrashCutShortIsCutOffBeforeTheNextAppend() throws Exception {
        SegmentStore store = store(1 << 20);
        store.append(EVENTS, frame("first"));
        tx.commit();
        // a crash in the middle of an append: a header and part of a payload, never committed
        Path active = store.activeFile(EVENTS.stem(), 0);
        Files.write(active, new byte[] {(byte) 200, 0, 0, 0, 1, 2, 3}, StandardOpenOption.APPEND);
        store.append(EVENTS, frame("second"));
        tx.commit();
        store.sealAll();
        tx.commit();
        assertEquals(List.of("first", "second"), ids(onlySealed(store)));
    }

    @Test
    void theReaderStopsAtATruncatedLastFrame() throws Exception {
        SegmentStore store = store(1 << 20);
        store.append(EVENTS, frame("whole"));
        store.append(EVENTS, frame("cut"));
        tx.commit();
        store.sealAll();
        tx.commit();
        SealedSegment sealed = onlySealed(store);
        try (var channel = java.nio.channels.FileChannel.open(sealed.file(), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 3);
        }
        assertEquals(List.of("whole"), ids(sealed));
    }

    @Test
    void sealsBySizeAfterTheAppendThatReachesTheLimitOnceCommitted() throws Exception {
        SegmentStore store = store(frame("aaaa").length + 4 + 1);
        store.append(EVENTS, frame("aaaa"));
        tx.commit();
        assertEquals(List.of(), store.sealed());
        store.append(EVENTS, frame("bbbb"));
        assertEquals(List.of(), store.sealed(), "nothing is sealed before the delivery commits");
        tx.commit();
        SealedSegment sealed = onlySealed(store);
        assertEquals(List.of("aaaa", "bbbb"), ids(sealed));
        assertEquals(Instant.parse("2026-02-25T10:02:03Z"), sealed.sealedAt());
        store.append(EVENTS, frame("cccc"));
        tx.commit();
        assertTrue(Files.exists(store.activeFile(EVENTS.stem(), 1)), "the next generation continues the stream");
        assertEquals(1, store.sealed().size());
    }

    @Test
    void aSizeSealThatRolledBackChangesNothing() throws Exception {
        SegmentStore store = store(10);
        store.append(EVENTS, frame("rolled back"));
        tx.rollback();
        assertEquals(List.of(), store.sealed());
        store.append(EVENTS, frame("kept"));
        tx.commit();
        assertEquals(List.of("kept"), ids(onlySealed(store)));
    }

    @Test
    void sealsByAgeOnlyStreamsWithCommittedRows() throws Exception {
        SegmentStore store = store(1 << 20);
        StreamKey other = StreamKey.of("other", "67d6e7d4f0396f8b");
        store.append(EVENTS, frame("e1"));
        store.append(other, frame("o1"));
        tx.commit();
        store.append(other, frame("uncommitted"));
        tx.rollback();
        store.sealAll();
        tx.commit();
        assertEquals(2, store.sealed().size());
        store.sealAll();
        tx.commit();
        assertEquals(2, store.sealed().size(), "a flush with nothing new seals nothing");
        List<String> all = new ArrayList<>();
        for (SealedSegment segment : store.sealed()) {
            all.addAll(ids(segment));
        }
        assertEquals(List.of("e1", "o1"), all);
    }

    @Test
    void aCrashBetweenTheSealCommitAndTheRenameIsFinishedByTheNextFlush() throws Exception {
        SegmentStore store = store(1 << 20);
        store.append(EVENTS, frame("sealed before the crash"));
        tx.commit();
        store.sealAll();
        tx.commitAndCrash();
        assertEquals(List.of(), store.sealed());
        store.append(EVENTS, frame("after restart"));
        tx.commit();
        store.sealAll();
        tx.commit();
        List<SealedSegment> sealed = store.sealed();
        assertEquals(2, sealed.size());
        List<String> all = new ArrayList<>(ids(sealed.get(0)));
        all.addAll(ids(sealed.get(1)));
        assertEquals(List.of("sealed before the crash", "after restart").stream().sorted().toList(),
                all.stream().sorted().toList());
        assertFalse(Files.exists(store.activeFile(EVENTS.stem(), 0)));
    }

    static byte[] frame(String id) {
        return FrameCodec.encode(List.of(Map.of("id", id)));
    }

    private static SealedSegment onlySealed(SegmentStore store) throws IOException {
        List<SealedSegment> sealed = store.sealed();
        assertEquals(1, sealed.size(), "sealed segments: " + sealed);
        return sealed.get(0);
    }

    static List<String> ids(SealedSegment segment) throws IOException {
        List<String> ids = new ArrayList<>();
        try (FrameReader reader = new FrameReader(segment.file())) {
            for (List<byte[]> batch = reader.nextBatch(); !batch.isEmpty(); batch = reader.nextBatch()) {
                for (byte[] payload : batch) {
                    FrameCodec.decode(payload).forEach(row -> ids.add((String) row.get("id")));
                }
            }
        }
        return ids;
    }
}
