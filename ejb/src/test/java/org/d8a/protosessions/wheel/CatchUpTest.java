package org.d8a.protosessions.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The cursor decisions of the timing wheel, item 10 of spec/pipeline.md §8.2 as this design maps them. */
class CatchUpTest {

    private static final Supplier<Long> NO_CURSOR = () -> null;

    private static Supplier<Long> cursor(long next) {
        return () -> next;
    }

    @Test
    void noDataTimeClosesNothing() {
        assertEquals(OptionalLong.empty(), new CatchUp(false).closeUpTo(0, 1_005_000, cursor(1000)));
    }

    @Test
    void bucketBClosesOnceTheWatermarkReachesBPlusTwoSeconds() {
        CatchUp catchUp = new CatchUp(false);
        assertEquals(OptionalLong.of(999), catchUp.closeUpTo(1_001_000, 1_001_000, cursor(999)));
        assertEquals(OptionalLong.of(998), catchUp.closeUpTo(1_000_999, 1_001_000, cursor(1000)));
        assertEquals(OptionalLong.of(999), catchUp.closeUpTo(1_001_000, 1_001_000, NO_CURSOR), "first run");
    }

    @Test
    void byDefaultTheBacklogsDataTimeDecidesAfterDowntime() {
        CatchUp catchUp = new CatchUp(false);
        // The wheel stopped at bucket 1000; the queue holds hits from 1001 s while the clock says 1005 s.
        assertEquals(OptionalLong.empty(), catchUp.closeUpTo(0, 1_005_000, cursor(1000)), "nothing processed yet");
        assertEquals(OptionalLong.of(999), catchUp.closeUpTo(1_001_000, 1_005_000, cursor(1000)));
        assertEquals(OptionalLong.of(1001), catchUp.closeUpTo(1_003_000, 1_005_500, cursor(1000)));
    }

    @Test
    void skipCatchUpRebasesOnTheWallClockOnceAtStartup() {
        CatchUp catchUp = new CatchUp(true);
        // Reference vector: cursor 1000, time 1005 -> cursor 1005 (here: everything up to 1003 closed at once).
        assertEquals(OptionalLong.of(1003), catchUp.closeUpTo(0, 1_005_000, cursor(1000)));
        assertEquals(OptionalLong.empty(), catchUp.closeUpTo(0, 1_006_000, cursor(1004)), "only once");
        assertEquals(OptionalLong.of(999), catchUp.closeUpTo(1_001_000, 1_006_000, cursor(1004)),
                "then the backlog's data time again; what is already closed stays closed");

        CatchUp withData = new CatchUp(true);
        assertEquals(OptionalLong.of(1003), withData.closeUpTo(1_001_000, 1_005_000, cursor(1000)));
    }

    @Test
    void skipCatchUpDoesNothingSpecialWhenTheCursorIsNotBehind() {
        assertEquals(OptionalLong.of(999), new CatchUp(true).closeUpTo(1_001_000, 1_005_000, cursor(1004)));
        assertEquals(OptionalLong.of(999), new CatchUp(true).closeUpTo(1_001_000, 1_005_000, NO_CURSOR),
                "first run ever: nothing to skip");
        assertEquals(OptionalLong.empty(), new CatchUp(true).closeUpTo(0, 1_005_000, cursor(1004)));
    }

    @Test
    void theCursorIsReadOnlyForTheSkipDecision() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<Long> counted = () -> {
            reads.incrementAndGet();
            return 1000L;
        };
        CatchUp catchUp = new CatchUp(false);
        catchUp.closeUpTo(1_001_000, 1_001_000, counted);
        assertEquals(0, reads.get());
        CatchUp skipping = new CatchUp(true);
        skipping.closeUpTo(1_001_000, 1_001_000, counted);
        skipping.closeUpTo(1_002_000, 1_002_000, counted);
        assertEquals(1, reads.get());
    }

    @Test
    void theLastClosableBucketIsTwoSecondsBeforeTheWatermark() {
        assertEquals(998L, CatchUp.lastClosable(1_000_999L));
        assertEquals(-3L, CatchUp.lastClosable(-1L));
    }
}
