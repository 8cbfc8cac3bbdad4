package org.d8a.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.d8a.config.TestConfig;
import org.d8a.intake.ratelimit.RateLimit;
import org.junit.jupiter.api.Test;

class IntakeSettingsTest {

    private static IntakeSettings settings(Map<String, String> values) {
        return new IntakeSettings(TestConfig.of(values));
    }

    @Test
    void theRateLimitIsOffUnlessSet() {
        assertEquals(Optional.empty(), settings(Map.of()).rateLimit());
        assertEquals(Optional.empty(), settings(Map.of("receiver.rate_limit", "0")).rateLimit());
    }

    @Test
    void theBurstDefaultsToTwiceTheRateAndAtLeastTen() {
        assertEquals(Optional.of(new RateLimit(2, 10, 100_000)),
                settings(Map.of("receiver.rate_limit", "2")).rateLimit());
        assertEquals(Optional.of(new RateLimit(50, 100, 100_000)),
                settings(Map.of("receiver.rate_limit", "50")).rateLimit());
        assertEquals(Optional.of(new RateLimit(5, 3, 1000)), settings(Map.of("receiver.rate_limit", "5",
                "receiver.rate_limit_burst", "3", "receiver.rate_limit_addresses", "1000")).rateLimit());
    }

    @Test
    void invalidLimitsNameTheirKey() {
        IllegalStateException negative = assertThrows(IllegalStateException.class,
                () -> settings(Map.of("receiver.rate_limit", "-1")).rateLimit());
        assertTrue(negative.getMessage().contains("receiver.rate_limit"), negative.getMessage());
        IllegalStateException burst = assertThrows(IllegalStateException.class,
                () -> settings(Map.of("receiver.rate_limit", "1", "receiver.rate_limit_burst", "0")).rateLimit());
        assertTrue(burst.getMessage().contains("receiver.rate_limit_burst"), burst.getMessage());
        IllegalStateException lines = assertThrows(IllegalStateException.class,
                () -> settings(Map.of("receiver.max_body_lines", "-5")).maxBodyLines());
        assertTrue(lines.getMessage().contains("receiver.max_body_lines"), lines.getMessage());
    }

    @Test
    void bodyLinesDefaultToAThousand() {
        assertEquals(1000, settings(Map.of()).maxBodyLines());
        assertEquals(0, settings(Map.of("receiver.max_body_lines", "0")).maxBodyLines());
    }
}
