package org.d8a.hits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers hits in the order the receiver accepted them. Seeded from the clock in microseconds, so numbers keep
 * increasing across restarts (as long as the clock does) and hits received in the same millisecond keep their order.
 */
public final class ArrivalSequence {

    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() * 1000L);

    private ArrivalSequence() {
    }

    public static long next() {
        return NEXT.getAndIncrement();
    }
}
