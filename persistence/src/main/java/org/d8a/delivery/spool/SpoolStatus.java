package org.d8a.delivery.spool;

/**
 * The spool as operators watch it.
 *
 * @param depth sessions waiting, quarantined ones included
 * @param quarantined sessions that failed too often and wait for the redeliver job
 * @param oldestClosedAtMillis when the oldest waiting session closed; null when the spool is empty
 * @param dropped events and sessions kept aside as broken, with their reason
 */
public record SpoolStatus(long depth, long quarantined, Long oldestClosedAtMillis, long dropped) {
}
