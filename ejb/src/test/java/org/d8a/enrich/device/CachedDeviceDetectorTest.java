package org.d8a.enrich.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The 30-second cache of detections (spec §2.2), on a clock the test moves. */
class CachedDeviceDetectorTest {

    private final List<DeviceHeaders> detected = new ArrayList<>();

    private final AtomicLong nanos = new AtomicLong();

    private final CachedDeviceDetector cache = new CachedDeviceDetector(headers -> {
        detected.add(headers);
        return new Device("smartphone", "Apple", "iPhone", "iOS", headers.userAgent(), null, null);
    }, nanos::get);

    @Test
    void theSameHeadersWithinThirtySecondsAreDetectedOnce() {
        Device first = cache.detect(headers("UA 1", "\"Android\""));
        advance(Duration.ofSeconds(29));
        assertSame(first, cache.detect(headers("UA 1", "\"Android\"")));
        assertEquals(1, detected.size());
    }

    @Test
    void afterThirtySecondsTheHeadersAreDetectedAgain() {
        cache.detect(headers("UA 1", ""));
        advance(Duration.ofSeconds(30));
        cache.detect(headers("UA 1", ""));
        assertEquals(2, detected.size());
    }

    @Test
    void theHintsArePartOfTheKey() {
        cache.detect(headers("UA 1", "\"Android\""));
        cache.detect(headers("UA 1", "\"Windows\""));
        cache.detect(headers("UA 2", "\"Android\""));
        assertEquals(3, detected.size());
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static DeviceHeaders headers(String userAgent, String platform) {
        return new DeviceHeaders(userAgent, "", "", platform, "", "", "");
    }
}
