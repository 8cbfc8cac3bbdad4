package org.d8a.health.checks;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the hits queue is neither paused nor paging. */
@Readiness
@ApplicationScoped
public class HitsQueueReadiness extends ProbeCheck {

    @Override
    String probeName() {
        return ServerProbes.HITS_QUEUE;
    }
}
