package org.d8a.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WatermarksTest {

    private static final long WALL = 1_000_000L;

    @Test
    void anEmptyQueueClosesEverythingOnTheWallClock() {
        assertGlobal(WALL, Watermarks.of(WALL, true, false, true, 900_000L,
                new long[] {0, 0}, new long[] {900_000L, 800_000L}));
    }

    @Test
    void aReplayKeepsDataTimeEvenWhenTheQueueIsMomentarilyEmpty() {
        assertGlobal(500_000L, Watermarks.of(WALL, true, true, true, 500_000L,
                new long[] {0, 0}, new long[] {500_000L, 0}));
    }

    @Test
    void aBacklogOfUncountedMessagesUsesTheNewestHitOverAllPartitions() {
        // after a restart with a backlog: which partition still waits is unknown
        assertGlobal(900_000L, Watermarks.of(WALL, false, false, false, 900_000L,
                new long[] {0, 0}, new long[] {900_000L, 0}));
    }

    @Test
    void withCountedMessagesALaggingPartitionKeepsItsOwnDataTime() {
        Watermarks marks = Watermarks.of(WALL, false, false, true, 990_000L,
                new long[] {3, 0, 1}, new long[] {700_000L, 990_000L, 0});
        assertTrue(!marks.isGlobal());
        // partition 0 waits at its newest hit; 1 has nothing waiting: the wall clock; 2 waits with nothing processed yet
        assertArrayEquals(new long[] {700_000L, WALL, 0}, marks.perPartition());
    }

    @Test
    void theLagIsHowFarTheSlowestKnownPartitionIsBehindTheWallClock() {
        Watermarks marks = Watermarks.of(WALL, false, false, true, 990_000L,
                new long[] {3, 0, 1}, new long[] {700_000L, 990_000L, 0});
        // partition 2 has no watermark yet (0): it does not count; partition 0 is the slowest
        assertEquals(WALL - 700_000L, marks.lagMillis(WALL));
        assertEquals(0, Watermarks.of(WALL, true, false, true, 990_000L, new long[2], new long[2]).lagMillis(WALL));
        assertEquals(WALL - 900_000L, Watermarks.global(900_000L).lagMillis(WALL));
        assertEquals(0, Watermarks.global(0).lagMillis(WALL), "no data time yet: no lag to report");
    }

    private static void assertGlobal(long expected, Watermarks actual) {
        assertTrue(actual.isGlobal(), "one watermark for every partition: " + actual);
        assertEquals(expected, actual.global());
    }
}
