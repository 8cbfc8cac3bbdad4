package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hits queue on an existing Artemis broker (standalone-config/scripts/messaging-remote.cli): a standalone broker of
 * its own process, the server configured by the script and the environment an operator gives it. Hits reach the
 * broker's queue and come back as rows; while the broker is killed and started again, the receiver answers 503 with
 * {@code Retry-After} and never 204 for a hit it did not store; afterwards every hit answered 204 is in the warehouse
 * exactly once, and a refused one at most once (a commit whose answer was lost may have stored it).
 */
class RemoteBrokerIT {

    private static final int CLIENTS = 10;

    private final List<String> accepted = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private int sent;

    @Test
    void hitsQueueOnTheRemoteBrokerAndNoneIsLostWhileItRestarts() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "remote-broker-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        Files.writeString(config, "sessions:\n  timeout: 2s\nwarehouse:\n  files:\n    max_segment_age: 1s\n"
                + "    filesystem:\n      path: " + warehouseDir + "\n", StandardCharsets.UTF_8);
        String run = "broker-" + UUID.randomUUID() + "-";
        try (RemoteBroker broker = new RemoteBroker(dir.resolve("broker"), UUID.randomUUID().toString());
                ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                        dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            broker.start();
            server.configure(Path.of(System.getProperty("d8a.it.scripts"), "messaging-remote.cli"));
            server.environment(broker.serverEnvironment());
            server.start();
            Tracker tracker = new Tracker(server.baseUri());
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline());

            for (int i = 0; i < 40; i++) {
                assertEquals(204, send(tracker, run).statusCode(), "the broker takes the hits");
            }
            awaitRows(warehouse, run, accepted.size());
            assertEquals(409, AdminApi.post(server.baseUri(), "/queue/pause").statusCode(),
                    "the remote broker's queue is paused on the broker");

            broker.kill();
            await("a hit refused while the broker is down").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50)).until(() -> send(tracker, run).statusCode() == 503);
            for (int i = 0; i < 20; i++) {
                send(tracker, run);
            }
            broker.start();
            await("hits accepted again once the broker is back").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> send(tracker, run).statusCode() == 204);
            for (int i = 0; i < 40; i++) {
                assertEquals(204, send(tracker, run).statusCode(), "the broker takes the hits again");
            }
            assertFalse(refused.isEmpty());

            awaitRows(warehouse, run, accepted.size());
            await("the broker's queue empty").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> broker.messageCount("hits") == 0);
            server.pipeline().awaitDrained(Duration.ofSeconds(60));
            Map<String, Long> copies = warehouse.matching(row -> row.get("client_id").startsWith(run)).stream()
                    .collect(Collectors.groupingBy(row -> row.get("page_location"), Collectors.counting()));
            Set<String> twice = copies.entrySet().stream().filter(entry -> entry.getValue() > 1)
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertEquals(Set.of(), twice, "no hit written twice");
            List<String> lost = accepted.stream().filter(page -> !copies.containsKey(page)).toList();
            assertEquals(List.of(), lost, "every hit answered 204 is in the warehouse");
            assertTrue(copies.keySet().stream().allMatch(page -> accepted.contains(page) || refused.contains(page)),
                    "nothing else is");
        }
    }

    /** One page view of the next hit's client (round robin), with a page of its own; records how it was answered. */
    private HttpResponse<String> send(Tracker tracker, String run) throws Exception {
        int n = sent++;
        String page = "https://shop.example.com/" + run + n;
        HttpResponse<String> response = tracker.pageView(run + (n % CLIENTS), page);
        if (response.statusCode() == 204) {
            accepted.add(page);
        } else {
            assertEquals(503, response.statusCode(), "a hit the server cannot queue: " + response.body());
            assertEquals("5", response.headers().firstValue("Retry-After").orElse(null), "Retry-After");
            assertTrue(response.body().contains("retry later") && !response.body().contains("\n"),
                    "one line: " + response.body());
            refused.add(page);
        }
        return response;
    }

    private static void awaitRows(WarehouseRows warehouse, String run, int count) {
        Function<Map<String, String>, Boolean> ofRun = row -> row.get("client_id").startsWith(run);
        await("at least " + count + " rows").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> warehouse.matching(ofRun::apply).size() >= count);
    }
}
