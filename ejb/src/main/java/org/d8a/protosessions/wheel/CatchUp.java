package org.d8a.protosessions.wheel;

import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Up to which bucket a tick of the timing wheel closes (spec/pipeline.md §3.8, architecture decision 4). A proto-session
 * whose timeout falls in bucket B closes once the watermark reaches B + 2 s, as in the reference; after downtime the
 * watermark follows the backlog's data time, so overdue proto-sessions close in expiry order as the queue drains
 * (catch-up). With {@code startup.skip_catch_up} the first tick after deployment, if the persisted cursor is behind
 * the wall clock, rebases on the wall clock instead: everything overdue by now is closed at once, without waiting for
 * the backlog. Unlike the reference, whose skipped buckets are never processed (their proto-sessions are orphaned,
 * §3.16), nothing is left behind: the close takes every proto-session due at or before the bucket.
 */
final class CatchUp {

    private static final Logger LOG = Logger.getLogger(CatchUp.class.getName());

    private final boolean skipCatchUp;
    private boolean firstTick = true;

    CatchUp(boolean skipCatchUp) {
        this.skipCatchUp = skipCatchUp;
    }

    /**
     * @param watermarkMillis data time, 0 while unknown (nothing processed yet and hits waiting)
     * @param wallMillis the wall clock
     * @param cursor the persisted next bucket to close, null on the very first run; read only when needed
     * @return the last bucket to close at this tick, empty when nothing may close yet
     */
    OptionalLong closeUpTo(long watermarkMillis, long wallMillis, Supplier<Long> cursor) {
        if (firstTick && skipCatchUp) {
            long now = lastClosable(wallMillis);
            Long next = cursor.get(); // when the read fails, the next tick is still the first
            firstTick = false;
            if (next != null && next <= now) {
                long upTo = Math.max(now, watermarkMillis > 0 ? lastClosable(watermarkMillis) : now);
                LOG.info(() -> "startup.skip_catch_up: the wheel was at bucket " + next + "; closing everything due"
                        + " up to bucket " + upTo + " (the wall clock) at once instead of following the backlog");
                return OptionalLong.of(upTo);
            }
        }
        firstTick = false;
        return watermarkMillis > 0 ? OptionalLong.of(lastClosable(watermarkMillis)) : OptionalLong.empty();
    }

    /** The last bucket a watermark of {@code millis} closes: the bucket two seconds before it. */
    static long lastClosable(long millis) {
        return Math.floorDiv(millis, 1000L) - 2;
    }
}
