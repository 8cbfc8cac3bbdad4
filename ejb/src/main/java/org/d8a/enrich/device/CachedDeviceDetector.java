package org.d8a.enrich.device;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Remembers detections (spec §2.2: for 30 s), keyed by the headers detection reads: a visitor's hits carry the same
 * user agent and hints, and detection runs Matomo's rules, a few milliseconds each. Bounded, so that a flood of
 * distinct user agents cannot fill the heap.
 */
final class CachedDeviceDetector implements DeviceDetector {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    static final int MAX_ENTRIES = 10_000;

    private final LoadingCache<DeviceHeaders, Device> detections;

    CachedDeviceDetector(DeviceDetector detector) {
        this(detector, Ticker.systemTicker());
    }

    /** With the clock that ages the entries, for tests. */
    CachedDeviceDetector(DeviceDetector detector, Ticker ticker) {
        detections = Caffeine.newBuilder().expireAfterWrite(TIME_TO_LIVE).maximumSize(MAX_ENTRIES).ticker(ticker)
                .build(detector::detect);
    }

    @Override
    public Device detect(DeviceHeaders headers) {
        return detections.get(headers);
    }
}
