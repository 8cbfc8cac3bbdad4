package org.d8a.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.d8a.health.checks.Probe;
import org.d8a.health.checks.ServerProbes;
import org.d8a.protosessions.wheel.TimingWheel;

/**
 * Liveness: the timing wheel completes its ticks. A wheel that stops closes no session and delivers nothing while
 * everything else looks fine; restarting the server is the remedy, which is what a failed liveness probe does.
 */
@ApplicationScoped
public class TimingWheelCheck {

    @EJB
    TimingWheel wheel;

    @Inject
    HealthSettings settings;

    public Probe call() {
        long silence = System.currentTimeMillis() - wheel.lastTickAt();
        Duration allowed = settings.wheelMaxSilence();
        return new Probe(ServerProbes.TIMING_WHEEL, silence <= allowed.toMillis(), Map.of("last_tick_seconds_ago", silence / 1000,
                "allowed_seconds", allowed.toSeconds()));
    }
}
