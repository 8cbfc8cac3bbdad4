package org.d8a.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.d8a.config.TestConfig;
import org.d8a.delivery.status.SpoolOverview;
import org.d8a.health.checks.Probe;
import org.d8a.protosessions.wheel.TimingWheel;
import org.d8a.queue.QueueBacklog;
import org.d8a.queue.QueueState;
import org.junit.jupiter.api.Test;

/** When each of the application's health checks is UP and when DOWN, and what it reports. */
class HealthChecksTest {

    private static final HealthSettings SETTINGS = new HealthSettings(TestConfig.of(Map.of(
            "health.spool_max_age", "10m", "health.wheel_max_silence", "30s")));

    @Test
    void timingWheelIsAliveWhileItsTicksComplete() {
        assertTrue(wheelCheck(System.currentTimeMillis() - 29_000).up());
        Probe stuck = wheelCheck(System.currentTimeMillis() - 31_000);
        assertFalse(stuck.up());
        assertEquals("d8a-timing-wheel", stuck.name());
        assertEquals(30L, stuck.data().get("allowed_seconds"));
    }

    @Test
    void hitsQueueIsReadyUnlessPausedOrPaging() {
        assertTrue(queueCheck(new QueueState(12, false, 0)).up());
        assertFalse(queueCheck(new QueueState(12, true, 0)).up());
        Probe paging = queueCheck(new QueueState(90_000, false, 3));
        assertFalse(paging.up());
        assertEquals(3L, paging.data().get("pages"));
    }

    @Test
    void hitsQueueThatCannotBeReadIsDownWithTheReason() {
        HitsQueueCheck check = new HitsQueueCheck();
        check.backlog = new QueueBacklog() {
            @Override
            public QueueState state() {
                throw new IllegalStateException("cannot read paused of the hits queue");
            }
        };
        Probe response = check.call();
        assertFalse(response.up());
        assertEquals("cannot read paused of the hits queue", response.data().get("error"));
    }

    @Test
    void warehouseIsDownWhileDeliveriesFailWithTheLastError() {
        assertTrue(warehouseCheck(spool(0, 0, null)).up());
        Probe failing = warehouseCheck(spool(0, 3, "table events: connection refused"));
        assertFalse(failing.up());
        assertEquals("table events: connection refused", failing.data().get("last_error"));
        assertEquals(3L, failing.data().get("failing_sessions"));
    }

    @Test
    void spoolIsDownOnceItsOldestSessionWaitsLongerThanAllowed() {
        assertTrue(spoolCheck(spool(600, 0, null)).up());
        Probe old = spoolCheck(spool(601, 0, null));
        assertFalse(old.up());
        assertEquals(600L, old.data().get("allowed_seconds"));
    }

    private static Probe wheelCheck(long lastTickAt) {
        TimingWheelCheck check = new TimingWheelCheck();
        check.settings = SETTINGS;
        check.wheel = new TimingWheel() {
            @Override
            public long lastTickAt() {
                return lastTickAt;
            }
        };
        return check.call();
    }

    private static Probe queueCheck(QueueState state) {
        HitsQueueCheck check = new HitsQueueCheck();
        check.backlog = new QueueBacklog() {
            @Override
            public QueueState state() {
                return state;
            }
        };
        return check.call();
    }

    private static Probe warehouseCheck(SpoolOverview spool) {
        WarehouseCheck check = new WarehouseCheck();
        check.spool = spool;
        return check.call();
    }

    private static Probe spoolCheck(SpoolOverview spool) {
        SpoolCheck check = new SpoolCheck();
        check.spool = spool;
        check.settings = SETTINGS;
        return check.call();
    }

    private static SpoolOverview spool(long oldestAgeSeconds, long failing, String lastError) {
        Map<String, Object> overview = new HashMap<>();
        overview.put("depth", 5L);
        overview.put("quarantined", 0L);
        overview.put("failing", failing);
        overview.put("oldest_age_seconds", oldestAgeSeconds);
        overview.put("last_error", lastError);
        return new SpoolOverview() {
            @Override
            public Map<String, Object> read() {
                return overview;
            }
        };
    }
}
