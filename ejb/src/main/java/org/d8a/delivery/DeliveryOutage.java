package org.d8a.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * What the server log says of a warehouse that refuses deliveries (down, unreachable, or its staging disk full): one
 * warning when the refusals start, one line when a delivery succeeds again. The refused sessions are retried with
 * backoff, so an outage would otherwise log one warning per chunk and attempt, for as long as it lasts; the spool
 * ({@code GET /spool}: {@code failing}, {@code last_error}) shows it meanwhile.
 */
@ApplicationScoped
public class DeliveryOutage {

    private static final Logger LOG = Logger.getLogger(DeliveryOutage.class.getName());

    private Instant since;
    private long refusedAttempts;

    /** The warehouse refused {@code sessions} spooled sessions with {@code error}; they stay spooled. */
    public synchronized void refused(int sessions, String error) {
        refusedAttempts++;
        if (since == null) {
            since = Instant.now();
            LOG.warning(() -> "deliveries to the warehouse fail; the sessions stay spooled and are retried with"
                    + " backoff (further failures are not logged until a delivery succeeds): " + sessions
                    + " sessions refused: " + error);
        } else {
            LOG.fine(() -> "the warehouse still refuses deliveries: " + sessions + " sessions: " + error);
        }
    }

    /** Some spooled sessions were delivered. */
    public synchronized void delivered() {
        if (since != null) {
            LOG.info("deliveries to the warehouse succeed again; " + refusedAttempts + " attempts were refused since "
                    + since);
            since = null;
            refusedAttempts = 0;
        }
    }
}
