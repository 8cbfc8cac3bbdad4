package org.d8a.intake.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** The limiter's clock, moved by the test only. */
    private long now = 1_000_000_000L;

    private RateLimiter limiter(int perSecond, int burst, int maxAddresses) {
        return new RateLimiter(new RateLimit(perSecond, burst, maxAddresses), () -> now);
    }

    private void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void aBurstIsAdmittedThenTheAddressWaitsForTheRate() {
        RateLimiter limiter = limiter(2, 5, 100);
        for (int i = 0; i < 5; i++) {
            assertEquals(new Admission(true, 0), limiter.admit("192.0.2.1"), "request " + i + " of the burst");
        }
        Admission refused = limiter.admit("192.0.2.1");
        assertEquals(new Admission(false, 1), refused, "one token comes back in 500 ms: retry after 1 s");

        advanceMillis(499);
        assertEquals(false, limiter.admit("192.0.2.1").admitted());
        advanceMillis(1);
        assertEquals(true, limiter.admit("192.0.2.1").admitted(), "the token that came back after 500 ms");
        assertEquals(false, limiter.admit("192.0.2.1").admitted());
    }

    @Test
    void refusedRequestsTakeNothing() {
        RateLimiter limiter = limiter(1, 1, 100);
        assertTrue(limiter.admit("192.0.2.1").admitted());
        for (int i = 0; i < 10; i++) {
            advanceMillis(90);
            assertEquals(false, limiter.admit("192.0.2.1").admitted(), "after " + (i + 1) * 90 + " ms");
        }
        advanceMillis(100);
        assertTrue(limiter.admit("192.0.2.1").admitted(), "one second after the first request, however many retries");
    }

    @Test
    void retryAfterCountsWholeSecondsUntilTheNextToken() {
        RateLimiter limiter = limiter(1, 1, 100);
        limiter.admit("192.0.2.1");
        advanceMillis(200);
        assertEquals(new Admission(false, 1), limiter.admit("192.0.2.1"), "800 ms to wait, rounded up");

        // a rate below one per second cannot be configured: a burst of 1 at 1/s waits at most 1 s; a deep deficit
        // is impossible because refusals take nothing
        RateLimiter slow = limiter(1, 3, 100);
        for (int i = 0; i < 3; i++) {
            slow.admit("192.0.2.9");
        }
        assertEquals(new Admission(false, 1), slow.admit("192.0.2.9"));
    }

    @Test
    void addressesHaveBucketsOfTheirOwn() {
        RateLimiter limiter = limiter(1, 2, 100);
        assertTrue(limiter.admit("192.0.2.1").admitted());
        assertTrue(limiter.admit("192.0.2.1").admitted());
        assertEquals(false, limiter.admit("192.0.2.1").admitted());
        assertTrue(limiter.admit("192.0.2.2").admitted(), "another address is not held back by the first");
        assertTrue(limiter.admit("2001:db8::1").admitted());
    }

    @Test
    void theBucketRefillsUpToTheBurstOnly() {
        RateLimiter limiter = limiter(10, 3, 100);
        limiter.admit("192.0.2.1");
        advanceMillis(60_000);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.admit("192.0.2.1").admitted(), "request " + i);
        }
        assertEquals(false, limiter.admit("192.0.2.1").admitted(), "a minute's quiet earns the burst, no more");
    }

    @Test
    void manyAddressesNeverHoldMoreBucketsThanTheLimit() {
        RateLimiter limiter = limiter(1, 1, 64);
        for (int i = 0; i < 100_000; i++) {
            limiter.admit("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            assertTrue(limiter.trackedAddresses() <= 64, "after " + (i + 1) + " addresses");
        }
        assertTrue(limiter.trackedAddresses() > 0);
    }

    @Test
    void theLeastRecentlyUsedAddressMakesRoomForANewOne() {
        AddressBuckets buckets = new AddressBuckets(new RateLimit(1, 1, 2), 2);
        assertEquals(0, buckets.take("192.0.2.1", now));
        assertEquals(0, buckets.take("192.0.2.2", now));
        advanceMillis(100);
        assertTrue(buckets.take("192.0.2.1", now) > 0, "the first address used again, refused: the younger one now");
        assertEquals(0, buckets.take("192.0.2.3", now), "a third address evicts the second, the least recently used");
        assertEquals(2, buckets.size());
        assertTrue(buckets.take("192.0.2.1", now) > 0, "the first address kept its empty bucket");
        assertEquals(0, buckets.take("192.0.2.2", now), "the evicted address starts again with a full bucket");
    }

    @Test
    void fullBucketsAreDroppedAsNewAddressesArrive() {
        RateLimiter limiter = new RateLimiter(new RateLimit(10, 2, 1_000), () -> now);
        for (int i = 0; i < 200; i++) {
            limiter.admit("192.0.2." + i);
        }
        int before = limiter.trackedAddresses();
        advanceMillis(1_000);
        for (int i = 0; i < 200; i++) {
            limiter.admit("198.51.100." + i);
        }
        assertTrue(limiter.trackedAddresses() < before + 200,
                "the refilled buckets of the first addresses make room: " + limiter.trackedAddresses());
    }

    @Test
    void aLimitNeedsPositiveValues() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, 1, 0));
    }
}
