package org.d8a.health.checks;

import jakarta.ejb.EJB;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * A MicroProfile Health check that answers with one of the server's probes. The checks live in the EAR's lib/
 * because WildFly's health subsystem looks for them only there (not in the EAR's EJB or web modules); the probes need
 * the engine, so they run in the ejb module, reached through its local interface.
 */
abstract class ProbeCheck implements HealthCheck {

    @EJB(lookup = ServerProbes.LOOKUP)
    ServerProbes probes;

    /** The name of the probe this check answers with. */
    abstract String probeName();

    @Override
    public HealthCheckResponse call() {
        Probe probe = probes.probe(probeName());
        HealthCheckResponseBuilder response = HealthCheckResponse.named(probe.name()).status(probe.up());
        probe.data().forEach((key, value) -> {
            if (value instanceof Number number) {
                response.withData(key, number.longValue());
            } else if (value instanceof Boolean flag) {
                response.withData(key, flag);
            } else {
                response.withData(key, String.valueOf(value));
            }
        });
        return response.build();
    }
}
