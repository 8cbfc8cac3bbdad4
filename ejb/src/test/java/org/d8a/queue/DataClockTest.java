package org.d8a.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.d8a.config.TestConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataClockTest {

    private static final long WALL = 50_000L;

    private final DataClock clock = new DataClock();

    @BeforeEach
    void fourPartitions() {
        clock.settings = new QueueSettings(TestConfig.of(Map.of("queue.partitions", "4")));
        clock.init();
    }

    @Test
    void countsAreTrustedOnceTheQueueWasSeenEmpty() {
        clock.processed("p2", 30_000L);
        // a message of an earlier run was processed: which partitions wait is not known yet
        assertGlobal(30_000L, clock.watermarks(WALL, false));

        assertGlobal(WALL, clock.watermarks(WALL, true));
        clock.publishing("p1");
        clock.publishing("p1");
        clock.processed("p1", 40_000L);
        assertArrayEquals(new long[] {WALL, 40_000L, WALL, WALL}, clock.watermarks(WALL, false).perPartition(),
                "partition 1 still has a message waiting: its own data time; the others are caught up");

        clock.processed("p1", 41_000L);
        assertArrayEquals(new long[] {WALL, WALL, WALL, WALL}, clock.watermarks(WALL, false).perPartition());
    }

    @Test
    void aSendThatDidNotCommitIsUncounted() {
        clock.watermarks(WALL, true);
        clock.publishing("p3");
        clock.notPublished("p3");
        assertArrayEquals(new long[] {WALL, WALL, WALL, WALL}, clock.watermarks(WALL, false).perPartition());
    }

    @Test
    void messagesOfNoCountedPartitionOnlyMoveTheOverallDataTime() {
        clock.processed("p9", 20_000L);
        clock.processed(null, 25_000L);
        clock.publishing("group-x");
        assertEquals(25_000L, clock.newestProcessedMillis());
        clock.watermarks(WALL, true);
        assertArrayEquals(new long[] {WALL, WALL, WALL, WALL}, clock.watermarks(WALL, false).perPartition());
    }

    @Test
    void aReplayStaysOnDataTime() {
        clock.watermarks(WALL, true);
        clock.processed("p0", 10_000L);
        clock.replayStarted();
        assertGlobal(10_000L, clock.watermarks(WALL, true));
        clock.replayEnded();
        assertGlobal(WALL, clock.watermarks(WALL, true));
    }

    private static void assertGlobal(long expected, Watermarks actual) {
        assertTrue(actual.isGlobal(), "one watermark for every partition: " + actual);
        assertEquals(expected, actual.global());
    }
}
