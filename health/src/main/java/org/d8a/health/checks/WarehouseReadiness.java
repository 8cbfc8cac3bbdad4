package org.d8a.health.checks;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: rows reach the warehouse (no spooled session failing delivery). */
@Readiness
@ApplicationScoped
public class WarehouseReadiness extends ProbeCheck {

    @Override
    String probeName() {
        return ServerProbes.WAREHOUSE;
    }
}
