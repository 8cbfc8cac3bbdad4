package org.d8a.delivery.mode;

/**
 * The session buffer of the {@code best_effort} mode as operators watch it (all zero in the other modes).
 *
 * @param held closed sessions waiting in memory
 * @param flushesByCount buffers written because they held {@code delivery.best_effort.max_sessions} sessions
 * @param flushesByAge buffers written because their first session was {@code delivery.best_effort.max_age} old
 * @param movedToSpool sessions the warehouse refused, moved to the persistent spool
 */
public record SessionBufferStatus(long held, long flushesByCount, long flushesByAge, long movedToSpool) {
}
