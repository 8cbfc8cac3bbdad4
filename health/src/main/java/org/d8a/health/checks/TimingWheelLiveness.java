package org.d8a.health.checks;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

/** Liveness: the timing wheel completes its ticks (a stuck wheel is cured by a restart). */
@Liveness
@ApplicationScoped
public class TimingWheelLiveness extends ProbeCheck {

    @Override
    String probeName() {
        return ServerProbes.TIMING_WHEEL;
    }
}
