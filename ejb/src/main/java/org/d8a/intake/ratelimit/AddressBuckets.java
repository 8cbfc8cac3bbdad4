package org.d8a.intake.ratelimit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buckets of a share of the addresses, at most {@code capacity} of them, in the order they were last used. When
 * a new address would exceed the capacity, the least recently used bucket goes: an attacker with more addresses than
 * the capacity can only make some addresses start again with a full bucket, never grow the heap. Buckets that refilled
 * completely are dropped as they are met at the old end, since a new bucket would be the same.
 */
final class AddressBuckets {

    private final RateLimit limit;
    private final int capacity;
    private final LinkedHashMap<String, TokenBucket> buckets;

    AddressBuckets(RateLimit limit, int capacity) {
        this.limit = limit;
        this.capacity = capacity;
        // access order: a get moves the address to the young end
        this.buckets = new LinkedHashMap<>(16, 0.75f, true);
    }

    synchronized long take(String address, long nowNanos) {
        TokenBucket bucket = buckets.get(address);
        if (bucket == null) {
            dropIdle(nowNanos);
            if (buckets.size() >= capacity) {
                Iterator<TokenBucket> eldest = buckets.values().iterator();
                eldest.next();
                eldest.remove();
            }
            bucket = new TokenBucket(nowNanos);
            buckets.put(address, bucket);
        }
        return bucket.take(nowNanos, limit);
    }

    /** A few full buckets from the old end at most, so that one request never pays for a sweep of the table. */
    private void dropIdle(long nowNanos) {
        Iterator<Map.Entry<String, TokenBucket>> oldest = buckets.entrySet().iterator();
        for (int i = 0; i < 2 && oldest.hasNext(); i++) {
            if (!oldest.next().getValue().fullAt(nowNanos)) {
                return;
            }
            oldest.remove();
        }
    }

    synchronized int size() {
        return buckets.size();
    }
}
