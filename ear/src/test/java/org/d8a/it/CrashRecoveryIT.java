package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hits accepted before the server JVM is killed with SIGKILL, while their session is still open, are still sessionized
 * after a restart, and their rows are written exactly once.
 */
class CrashRecoveryIT {

    @Test
    void sessionOpenAtSigkillClosesAfterRestartExactlyOnce() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "crash-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        // Long enough that the session is certainly open when the JVM dies.
        Files.writeString(config, "sessions:\n  timeout: 8s\nwarehouse:\n  files:\n    max_segment_age: 1s\n"
                + "    filesystem:\n      path: " + warehouseDir + "\n", StandardCharsets.UTF_8);

        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            Tracker tracker = new Tracker(server.baseUri());
            String client = "crash-" + UUID.randomUUID();
            for (int i = 0; i < 5; i++) {
                assertEquals(204, tracker.pageView(client, "https://example.com/before-crash-" + i).statusCode());
            }
            // every hit taken off the queue into the open proto-session: the kill finds them there
            Pipeline pipeline = server.pipeline();
            await("the hits in their proto-session").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(pipeline::probed, state -> state.getJsonNumber("queued").longValue() == 0
                            && state.getJsonNumber("proto_sessions").longValue() == 1);

            server.kill();
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, pipeline);
            assertEquals(List.of(), warehouse.matching(WarehouseRows.ofClients(client)),
                    "the session must still be open when the server dies");

            server.start();
            // (a duplicate delivery, if there were one, is in the warehouse once the server has drained)
            List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 5,
                    Duration.ofSeconds(90));

            assertEquals(5, rows.size(), "every accepted hit written once: " + rows);
            assertEquals(5, rows.stream().map(row -> row.get("id")).distinct().count());
            assertEquals(1, rows.stream().map(row -> row.get("session_id")).distinct().count());
            rows.forEach(row -> assertEquals("5", row.get("session_total_events")));
        }
    }
}
