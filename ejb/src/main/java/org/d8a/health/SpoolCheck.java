package org.d8a.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.d8a.delivery.status.SpoolOverview;
import org.d8a.health.checks.Probe;
import org.d8a.health.checks.ServerProbes;

/**
 * Readiness: the spool drains. Its depth rises and falls with traffic, so the measure of "growing without bound" is
 * the age of its oldest session: DOWN once that exceeds {@code health.spool_max_age}.
 */
@ApplicationScoped
public class SpoolCheck {

    @Inject
    SpoolOverview spool;

    @Inject
    HealthSettings settings;

    public Probe call() {
        Map<String, Object> overview = spool.read();
        long oldest = ((Number) overview.get("oldest_age_seconds")).longValue();
        long allowed = settings.spoolMaxAge().toSeconds();
        return new Probe(ServerProbes.SPOOL, oldest <= allowed, Map.of(
                "depth", ((Number) overview.get("depth")).longValue(), "oldest_age_seconds", oldest,
                "allowed_seconds", allowed));
    }
}
