package org.d8a.health.checks;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the d8a datasource answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness extends ProbeCheck {

    @Override
    String probeName() {
        return ServerProbes.DATABASE;
    }
}
