package org.d8a.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d8a.delivery.status.SpoolOverview;
import org.d8a.health.checks.Probe;
import org.d8a.health.checks.ServerProbes;

/**
 * Readiness: rows reach the warehouse. DOWN while spooled sessions are failing delivery, with the last error (its
 * message names table and cause, never credentials), so that a broken warehouse shows where operators look first.
 */
@ApplicationScoped
public class WarehouseCheck {

    @Inject
    SpoolOverview spool;

    public Probe call() {
        Map<String, Object> overview = spool.read();
        long failing = ((Number) overview.get("failing")).longValue();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("failing_sessions", failing);
        data.put("quarantined_sessions", ((Number) overview.get("quarantined")).longValue());
        if (overview.get("last_error") != null) {
            data.put("last_error", overview.get("last_error").toString());
        }
        return new Probe(ServerProbes.WAREHOUSE, failing == 0, data);
    }
}
