package org.d8a.monitoring;

/**
 * The pipeline at one moment, as the operator's page charts it and the gauges export it. Counts named "total" grow
 * from the server's start (rates are the difference of two samples); the others are levels.
 *
 * @param takenAtMillis when it was taken
 * @param hitsReceivedTotal hits accepted since start, every protocol and property
 * @param requestsRejectedTotal collect requests refused since start
 * @param sessionsClosedTotal proto-sessions closed since start
 * @param rowsDeliveredTotal rows written to the warehouse since start
 * @param queueDepth messages in the hits queue, in delivery included
 * @param queuePaused whether the hits queue is paused
 * @param openProtoSessions proto-sessions open
 * @param spoolDepth closed sessions waiting for delivery, quarantined included
 * @param spoolOldestAgeSeconds how long the oldest of them has waited
 * @param quarantined sessions set aside after too many failed deliveries
 * @param failing sessions whose last delivery failed, not (yet) quarantined
 * @param watermarkLagSeconds how far the slowest partition's data time is behind the wall clock
 */
public record PipelineSample(long takenAtMillis, long hitsReceivedTotal, long requestsRejectedTotal,
        long sessionsClosedTotal, long rowsDeliveredTotal, long queueDepth, boolean queuePaused,
        long openProtoSessions, long spoolDepth, long spoolOldestAgeSeconds, long quarantined, long failing,
        long watermarkLagSeconds) {
}
