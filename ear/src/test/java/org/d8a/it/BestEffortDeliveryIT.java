package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code delivery.mode: best_effort} on a server of its own: closed sessions wait in memory and are written when a
 * property holds {@code max_sessions} of them (3 here) or the first is {@code max_age} old (5 s here), each flush counted by its reason in {@code GET /spool}; when the
 * warehouse fails they move to the persistent spool and the deliver job writes them once it is back.
 */
class BestEffortDeliveryIT {

    @Test
    void memorySpoolFlushesByCountByAgeAndFallsBackToThePersistentSpool() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "best-effort-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(warehouseDir);
        Files.writeString(config, "sessions:\n  timeout: 1s\ndelivery:\n  mode: best_effort\n  best_effort:\n"
                + "    max_sessions: 3\n    max_age: 5s\nwarehouse:\n  files:\n    max_segment_age: 1s\n"
                + "    filesystem:\n      path: " + warehouseDir + "\nstorage:\n  spool_directory: "
                + dir.resolve("spool") + "\n", StandardCharsets.UTF_8);
        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            Tracker tracker = new Tracker(server.baseUri());
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline(dir.resolve("spool")));

            // Three sessions reach the count: the in-memory spool writes them as one buffer, flushed by count.
            String[] counted = {"count-a-" + UUID.randomUUID(), "count-b-" + UUID.randomUUID(),
                "count-c-" + UUID.randomUUID()};
            for (String client : counted) {
                assertEquals(204, tracker.pageView(client, "https://example.com/count").statusCode());
            }
            warehouse.await(WarehouseRows.ofClients(counted), 3, Duration.ofSeconds(30));
            JsonObject afterCount = memorySpool(server);
            assertEquals(1, afterCount.getJsonNumber("flushes_by_count").longValue(), afterCount.toString());
            assertEquals(0, afterCount.getJsonNumber("flushes_by_age").longValue(), afterCount.toString());

            // One session stays below the count: it waits in memory and is written once it is old enough.
            String aged = "age-" + UUID.randomUUID();
            assertEquals(204, tracker.pageView(aged, "https://example.com/age").statusCode());
            await("the session held in memory").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> memorySpool(server).getJsonNumber("held").longValue() > 0);
            assertEquals(1, memorySpool(server).getJsonNumber("held").longValue(), "the session waits in memory");
            assertEquals(List.of(), warehouse.matching(WarehouseRows.ofClients(aged)), "held, not written");
            warehouse.await(WarehouseRows.ofClients(aged), 1, Duration.ofSeconds(30));
            JsonObject afterAge = memorySpool(server);
            assertEquals(1, afterAge.getJsonNumber("flushes_by_count").longValue(), afterAge.toString());
            assertEquals(1, afterAge.getJsonNumber("flushes_by_age").longValue(), afterAge.toString());

            // The warehouse fails (its segments cannot be written): the flushed sessions move to the persistent
            // spool and are delivered from there.
            Path staging = dir.resolve("spool/warehouse/files/spool");
            Path setAside = dir.resolve("staging.set-aside");
            Files.createDirectories(staging);
            Files.move(staging, setAside);
            Files.writeString(staging, "not a directory");
            String[] fallback = {"fallback-a-" + UUID.randomUUID(), "fallback-b-" + UUID.randomUUID(),
                "fallback-c-" + UUID.randomUUID()};
            for (String client : fallback) {
                assertEquals(204, tracker.pageView(client, "https://example.com/fallback").statusCode());
            }
            await("the refused buffer moved").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> memorySpool(server).getJsonNumber("moved_to_spool").longValue() >= 3);
            assertEquals(3, memorySpool(server).getJsonNumber("moved_to_spool").longValue(),
                    "the refused buffer moved to the persistent spool");
            Files.delete(staging);
            Files.move(setAside, staging);
            List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(fallback), 3,
                    Duration.ofSeconds(60));
            assertEquals(3, rows.size(), "each session once: " + rows);
        }
    }

    private static JsonObject memorySpool(ServerProcess server) throws Exception {
        return SpoolEndpoint.read(server.baseUri()).getJsonObject("memory");
    }
}
