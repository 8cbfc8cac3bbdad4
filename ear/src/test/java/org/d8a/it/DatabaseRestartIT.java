package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL server restarted under load (fast shutdown: every connection of the pool is cut), while the server
 * keeps running: hits keep being accepted (the receiver needs no database), the consumers, the timing wheel and the
 * deliver job fail for a moment and recover without a restart of their own, and every accepted hit is in the
 * warehouse exactly once. PostgreSQL pass only: H2 runs inside the application server.
 */
class DatabaseRestartIT {

    private static final int CLIENTS = 20;

    @Test
    void theServerRecoversFromADatabaseRestartAndLosesNothing() throws Exception {
        assertTrue(TestDatabase.onPostgresql(), "a test of the PostgreSQL pass (-Dd8a.it.h2.skip=true to run it alone)");
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "database-restart-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        Files.writeString(config, "sessions:\n  timeout: 2s\ndelivery:\n  interval: 1s\nwarehouse:\n  files:\n"
                + "    max_segment_age: 1s\n    filesystem:\n      path: " + warehouseDir + "\n",
                StandardCharsets.UTF_8);
        String run = "dbrestart-" + UUID.randomUUID() + "-";
        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            Tracker tracker = new Tracker(server.baseUri());
            List<String> pages = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                pages.add(accepted(tracker, run, pages.size()));
            }
            CompletableFuture<Void> restart = CompletableFuture.runAsync(DatabaseRestartIT::restartPostgresql);
            // hits keep coming while the database goes down and comes back, and for a while after
            while (!restart.isDone()) {
                pages.add(accepted(tracker, run, pages.size()));
            }
            restart.join();
            for (int i = 0; i < 100; i++) {
                pages.add(accepted(tracker, run, pages.size()));
            }

            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline());
            List<Map<String, String>> rows = warehouse.await(row -> row.get("client_id").startsWith(run),
                    pages.size(), Duration.ofSeconds(180));
            assertEquals(pages.stream().sorted().toList(),
                    rows.stream().map(row -> row.get("page_location")).sorted().toList(), "every hit once");
            Map<String, List<Map<String, String>>> byClient = rows.stream()
                    .collect(Collectors.groupingBy(row -> row.get("client_id")));
            assertEquals(CLIENTS, byClient.size());
            // every client's hits are one session (sent within its timeout), in the order they were sent
            byClient.values().forEach(clientRows -> {
                assertEquals(1, clientRows.stream().map(row -> row.get("session_id")).distinct().count(),
                        "one session: " + clientRows);
                List<Integer> order = clientRows.stream()
                        .sorted((a, b) -> Integer.compare(Integer.parseInt(a.get("session_hit_number")),
                                Integer.parseInt(b.get("session_hit_number"))))
                        .map(row -> number(row.get("page_location"))).toList();
                assertEquals(order.stream().sorted().toList(), order, "in order");
            });
        }
    }

    private static String accepted(Tracker tracker, String run, int n) throws Exception {
        String page = "https://shop.example.com/" + run + n;
        assertEquals(204, tracker.pageView(run + (n % CLIENTS), page).statusCode(),
                "the receiver needs no database");
        return page;
    }

    private static int number(String page) {
        return Integer.parseInt(page.substring(page.lastIndexOf('-') + 1));
    }

    private static void restartPostgresql() {
        try {
            Process restart = new ProcessBuilder("bash", System.getProperty("d8a.it.postgresql.script"), "restart",
                    System.getProperty("d8a.it.postgresql.cluster")).redirectErrorStream(true).start();
            String output = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (restart.waitFor() != 0) {
                throw new IllegalStateException("restarting PostgreSQL failed: " + output);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
