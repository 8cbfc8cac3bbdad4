package org.d8a.intake.ratelimit;

import java.util.function.LongSupplier;

/**
 * Admits the requests of each client address at its {@link RateLimit}. The addresses are spread over a fixed number of
 * independently locked shares, so that the receiver's threads rarely wait for each other; each share holds at most
 * its part of {@link RateLimit#maxAddresses()}, which bounds the memory whatever the number of addresses.
 */
public final class RateLimiter {

    private static final int SHARES = 16;

    private final AddressBuckets[] shares;
    private final LongSupplier nanoClock;

    /** @param nanoClock monotonic nanoseconds ({@code System::nanoTime}; a test's own clock) */
    public RateLimiter(RateLimit limit, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        int shareCount = Math.min(SHARES, limit.maxAddresses());
        int perShare = Math.max(1, limit.maxAddresses() / shareCount);
        this.shares = new AddressBuckets[shareCount];
        for (int i = 0; i < shareCount; i++) {
            shares[i] = new AddressBuckets(limit, perShare);
        }
    }

    /** Whether {@code address} may send one more request now; admitting it takes it from the address' allowance. */
    public Admission admit(String address) {
        long waitNanos = share(address).take(address, nanoClock.getAsLong());
        return waitNanos == 0 ? Admission.ADMITTED : Admission.refusedFor(waitNanos);
    }

    /** How many addresses have a bucket now. */
    public int trackedAddresses() {
        int total = 0;
        for (AddressBuckets share : shares) {
            total += share.size();
        }
        return total;
    }

    private AddressBuckets share(String address) {
        return shares[Math.floorMod(address.hashCode(), shares.length)];
    }
}
