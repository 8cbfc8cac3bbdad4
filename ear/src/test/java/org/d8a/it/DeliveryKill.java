package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/**
 * SIGKILL in the middle of a {@code deliver} job: once all {@code sessions} are spooled the job is started, and the
 * server is killed as soon as the spool shows the first chunks delivered, while most sessions still wait. The spool
 * tells how far the delivery got: reading the warehouse instead would compete with the delivery's writes.
 */
final class DeliveryKill {

    private static final int DELIVERED_BEFORE_KILL = 5;

    private DeliveryKill() {
    }

    static void midDelivery(ServerProcess server, int sessions) throws Exception {
        await("every session spooled").atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> SpoolEndpoint.depth(server.baseUri()) == sessions);
        int started = AdminApi.post(server.baseUri(), "/spool/deliver").statusCode();
        assertTrue(started == 202 || started == 409, "started, or already running: " + started);
        long depthAtKill = await("the first chunks").atMost(Duration.ofSeconds(120))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> SpoolEndpoint.depth(server.baseUri()), depth -> depth <= sessions - DELIVERED_BEFORE_KILL);
        server.kill();
        assertTrue(depthAtKill > 0, "the kill must land in the middle of the delivery; " + depthAtKill
                + " of " + sessions + " sessions were still spooled just before it");
    }
}
