package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL while the {@code deliver} job is writing: after the restart every spooled session is delivered exactly
 * once, because each chunk's rows and the removal of its sessions from the spool commit together (the files
 * warehouse cuts its file back to the committed length), and the interrupted execution is restarted from its
 * checkpoint at deployment (the job repository is in the database). The job runs only on demand here ({@code delivery.interval}
 * of an hour), so the spool fills first and the kill lands in the middle of a long delivery.
 */
class DeliverKillIT {

    private static final int SESSIONS = 1500;

    @Test
    void killDuringDeliveryThenRestartDeliversEverySessionOnce() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "deliver-kill-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        Files.writeString(config, "sessions:\n  timeout: 1s\ndelivery:\n  interval: 1h\n  chunk_size: 1\n"
                + "warehouse:\n  files:\n    max_segment_age: 1s\n    filesystem:\n      path: " + warehouseDir + "\n",
                StandardCharsets.UTF_8);
        String run = "kill-" + UUID.randomUUID() + "-";

        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            Tracker tracker = new Tracker(server.baseUri());
            ExecutorService senders = Executors.newFixedThreadPool(16);
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String client = run + i;
                sent.add(senders.submit(() -> tracker.pageView(client, "https://example.com/kill").statusCode()));
            }
            for (Future<Integer> status : sent) {
                assertEquals(204, status.get());
            }
            senders.shutdown();
            awaitSpoolDepth(server, SESSIONS, Duration.ofSeconds(120));

            post(server, "/spool/deliver");
            // One session per chunk: the delivery takes seconds, and the kill lands after its first chunks.
            long depthAtKill = awaitDepthBelow(server, SESSIONS - 10, Duration.ofSeconds(60));
            server.kill();
            assertTrue(depthAtKill > 0 && depthAtKill < SESSIONS, "the kill must land in the middle of the delivery; "
                    + depthAtKill + " of " + SESSIONS + " sessions were still spooled just before it");

            // No delivery is asked for after the restart (the interval is an hour): the execution the kill cut off is
            // restarted from its checkpoint when the application is deployed again.
            server.start();
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline());
            List<Map<String, String>> rows = warehouse.await(row -> row.get("client_id").startsWith(run), SESSIONS,
                    Duration.ofSeconds(120));
            assertEquals(SESSIONS, rows.size(), "every session once; " + depthAtKill + " were spooled at the kill");
            assertTrue(Files.readString(dir.resolve("base/log/server.log")).contains("was cut off; restarted from its"
                    + " checkpoint"), "the interrupted execution itself was restarted");
            assertEquals(SESSIONS, rows.stream().map(row -> row.get("id")).distinct().count());
        }
    }

    private static void post(ServerProcess server, String path) throws Exception {
        HttpResponse<String> response = AdminApi.post(server.baseUri(), path);
        // 409: the delivery timer started one first, which serves the test as well
        assertTrue(response.statusCode() == 202 || response.statusCode() == 409, response.body());
    }

    /** Polls the spool until fewer than {@code depth} sessions wait; returns the depth seen. */
    private static long awaitDepthBelow(ServerProcess server, int depth, Duration timeout) {
        return await("the delivery started").atMost(timeout).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20)).until(() -> SpoolEndpoint.depth(server.baseUri()),
                        current -> current < depth);
    }

    private static void awaitSpoolDepth(ServerProcess server, int depth, Duration timeout) throws Exception {
        long current = await("the spool reaching " + depth + " sessions").atMost(timeout).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500)).until(() -> SpoolEndpoint.depth(server.baseUri()),
                        seen -> seen == depth);
        assertEquals(depth, current, "the spool did not reach " + depth + " sessions");
    }
}
