package org.d8a.queue;

/**
 * How far data time has come, for the timing wheel (architecture decision 4). With nothing queued (and no replay
 * running) it is the wall clock. With a backlog, each queue partition has its own: the wall clock for a partition with
 * no message waiting, else the receive time of the newest hit its consumer has committed; the proto-sessions of a
 * partition close on its own watermark, so that other partitions' newer hits never close a session whose hits still
 * wait behind its partition's backlog. The per-partition counts are known only for messages published since this
 * server last saw the queue empty; until then (after a restart with a backlog, or during a replay) the watermark is the
 * newest committed hit over all partitions, as the decision states it.
 *
 * @param global the watermark of every partition, when there is one; 0 while unknown
 * @param perPartition each partition's watermark (0: unknown, nothing may close), or null when {@code global} applies
 */
public record Watermarks(long global, long[] perPartition) {

    /** One watermark for every partition. */
    public static Watermarks global(long millis) {
        return new Watermarks(millis, null);
    }

    /**
     * @param wallMillis the wall clock
     * @param queueEmpty whether the hits queue holds no message (none waiting, none in delivery)
     * @param replaying whether a replay is putting logged hits back on the queue
     * @param countsTrusted whether every message in the queue was counted in {@code pending}
     * @param newestOverall receive time of the newest committed hit over all partitions
     * @param pending messages published and not yet committed by the consumer, per partition
     * @param newest receive time of the newest committed hit, per partition
     */
    public static Watermarks of(long wallMillis, boolean queueEmpty, boolean replaying, boolean countsTrusted,
            long newestOverall, long[] pending, long[] newest) {
        if (replaying) {
            return global(newestOverall);
        }
        if (queueEmpty) {
            return global(Math.max(wallMillis, newestOverall));
        }
        if (!countsTrusted) {
            return global(newestOverall);
        }
        long[] marks = new long[pending.length];
        for (int p = 0; p < pending.length; p++) {
            marks[p] = pending[p] > 0 ? newest[p] : Math.max(wallMillis, newest[p]);
        }
        return new Watermarks(0, marks);
    }

    public boolean isGlobal() {
        return perPartition == null;
    }

    /**
     * How far the slowest partition's data time is behind {@code wallMillis} (the {@code d8a_watermark_lag_seconds}
     * gauge): 0 with an empty queue, the age of the newest committed hit of a partition whose backlog waits.
     */
    public long lagMillis(long wallMillis) {
        long lowest = global;
        if (perPartition != null) {
            lowest = wallMillis;
            for (long mark : perPartition) {
                if (mark > 0) {
                    lowest = Math.min(lowest, mark);
                }
            }
        }
        return lowest <= 0 ? 0 : Math.max(0, wallMillis - lowest);
    }
}
