package org.d8a.health.checks;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the spool drains (its oldest session is younger than health.spool_max_age). */
@Readiness
@ApplicationScoped
public class SpoolReadiness extends ProbeCheck {

    @Override
    String probeName() {
        return ServerProbes.SPOOL;
    }
}
