package org.d8a.delivery;

/**
 * A closed session as it leaves the closer.
 *
 * @param payload its hits in session order, as encoded by the hit codec
 * @param hitCount how many hits the payload holds
 */
public record ClosedSession(String payload, int hitCount) {
}
