package org.d8a.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * What the server log says of a warehouse that refuses deliveries (down, unreachable, or its staging disk full): one
 * warning when the refusals start, one line when a delivery succeeds again. The refused sessions are retried with
 * backoff, so an outage would otherwise log one warning per chunk and attempt, for as long as it lasts; the spool
 * ({@code GET /spool}: {@code failing}, {@code last_error}) shows it meanwhile. It also paces the deliveries of an
 * outage: an execution stops at its first refused chunk, and the next scheduled one waits a growing pause.
 */
@ApplicationScoped
public class DeliveryOutage {

    private static final Logger LOG = Logger.getLogger(DeliveryOutage.class.getName());

    /** The pause before the next scheduled delivery after the first refusal of an outage; it doubles after each. */
    static final long FIRST_PAUSE_MILLIS = 1_000;
    static final long MAX_PAUSE_MILLIS = 30_000;

    private Instant since;
    private long refusedAttempts;
    private long lastRefusalMillis = -1;
    private long pausedUntilMillis;

    /** The warehouse refused {@code sessions} spooled sessions with {@code error}; they stay spooled. */
    public synchronized void refused(int sessions, String error) {
        lastRefusalMillis = System.currentTimeMillis();
        pausedUntilMillis = lastRefusalMillis + Math.min(MAX_PAUSE_MILLIS,
                FIRST_PAUSE_MILLIS << Math.min(refusedAttempts, 16));
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

    /**
     * Whether the warehouse refused a chunk at or after {@code millis}: a deliver execution started then stops, as
     * every further chunk would cost its rows to be refused in the same way (on two cores, the receiver's time).
     */
    public synchronized boolean refusedSince(long millis) {
        return lastRefusalMillis >= millis;
    }

    /**
     * Whether scheduled deliveries wait at {@code nowMillis}: during an outage one chunk is tried per pause, and the
     * pause doubles up to {@link #MAX_PAUSE_MILLIS}, so that a long outage costs one refused chunk every half minute.
     */
    public synchronized boolean pausing(long nowMillis) {
        return since != null && nowMillis < pausedUntilMillis;
    }

    /** Some spooled sessions were delivered. */
    public synchronized void delivered() {
        pausedUntilMillis = 0;
        if (since != null) {
            LOG.info("deliveries to the warehouse succeed again; " + refusedAttempts + " attempts were refused since "
                    + since);
            since = null;
            refusedAttempts = 0;
        }
    }
}
