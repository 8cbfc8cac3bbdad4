package org.d8a.enrich.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache of detections, kept up to an hour after their last use, on a clock the test moves. */
class CachedDeviceDetectorTest {

    private final List<DeviceHeaders> detected = new ArrayList<>();

    private final AtomicLong nanos = new AtomicLong();

    private final CachedDeviceDetector cache = new CachedDeviceDetector(headers -> {
        detected.add(headers);
        return new Device("smartphone", "Apple", "iPhone", "iOS", headers.userAgent(), null, null);
    }, nanos::get);

    @Test
    void headersInUseAreDetectedOnce() {
        Device first = cache.detect(headers("UA 1", "\"Android\""));
        for (int i = 0; i < 3; i++) {
            advance(Duration.ofMinutes(59));
            assertSame(first, cache.detect(headers("UA 1", "\"Android\"")));
        }
        assertEquals(1, detected.size(), "used every 59 minutes for three hours: detected once");
    }

    @Test
    void headersUnusedForAnHourAreDetectedAgain() {
        cache.detect(headers("UA 1", ""));
        advance(Duration.ofHours(1));
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
