package org.d8a.enrich.device;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Remembers detections, keyed by the headers detection reads: a visitor's hits carry the same user agent and hints,
 * and detection runs Matomo's rules, 6-8 ms each (bench/enrichment.sh: delivery of rows whose user agents are all
 * distinct runs at about 150 rows/s). The reference keeps a detection for 30 s after it is made; here it is kept
 * while it is used, up to an hour after its last use, because a detection depends on the headers alone (keeping it
 * longer never changes a value) and popular user agents then stay detected for as long as they keep coming. Bounded,
 * so that a flood of distinct user agents cannot fill the heap (an entry is about 1 KB).
 */
final class CachedDeviceDetector implements DeviceDetector {

    static final Duration KEPT_AFTER_LAST_USE = Duration.ofHours(1);

    static final int MAX_ENTRIES = 20_000;

    private final LoadingCache<DeviceHeaders, Device> detections;

    CachedDeviceDetector(DeviceDetector detector) {
        this(detector, Ticker.systemTicker());
    }

    /** With the clock that ages the entries, for tests. */
    CachedDeviceDetector(DeviceDetector detector, Ticker ticker) {
        detections = Caffeine.newBuilder().expireAfterAccess(KEPT_AFTER_LAST_USE).maximumSize(MAX_ENTRIES)
                .ticker(ticker).build(detector::detect);
    }

    @Override
    public Device detect(DeviceHeaders headers) {
        return detections.get(headers);
    }
}
