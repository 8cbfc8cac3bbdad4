package org.d8a.persistence.spool;

/**
 * The spool as operators watch it.
 *
 * @param depth sessions waiting, quarantined ones included
 * @param quarantined sessions that failed too often and wait for the redeliver job
 * @param oldestClosedAtMillis when the oldest waiting session closed; null when the spool is empty
 * @param dropped events and sessions kept aside as broken, with their reason
 * @param failing sessions whose last delivery failed and that wait for their next attempt (backoff)
 * @param staged sessions whose rows the warehouse holds in a staged write, not yet published (visible)
 * @param lastError the error of the newest session that failed, still spooled; null when none has
 */
public record SpoolStatus(long depth, long quarantined, Long oldestClosedAtMillis, long dropped, long failing,
        long staged, String lastError) {
}
