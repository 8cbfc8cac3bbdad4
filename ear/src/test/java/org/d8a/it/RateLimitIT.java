package org.d8a.it;

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
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code receiver.rate_limit} on a server of its own (the shared test server runs without one): a burst of one client
 * address beyond its allowance is answered {@code 429} with {@code Retry-After}, nothing of a refused request is kept,
 * every accepted one is, and another address is served meanwhile. The test plays the trusted proxy that names the
 * client address ({@code X-Forwarded-For}), as a load balancer in front of an internet-facing collector does.
 */
class RateLimitIT {

    private static final int BURST = 5;
    private static final int REQUESTS = 30;

    @Test
    void aBurstBeyondTheLimitIsAnswered429WithRetryAfterAndOnlyTheAcceptedHitsAreStored() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "rate-limit-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("d8a.yaml"), "sessions:\n  timeout: 3s\n"
                + "receiver:\n  rate_limit: 1\n  rate_limit_burst: " + BURST + "\n"
                + "server:\n  trusted_proxies: [127.0.0.1, \"::1\"]\n"
                + "warehouse:\n  files:\n    max_segment_age: 1s\n    filesystem:\n      path: " + warehouseDir + "\n",
                StandardCharsets.UTF_8);

        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            Tracker tracker = new Tracker(server.baseUri());
            String client = "rate-limit-" + UUID.randomUUID();
            Map<String, String> limitedAddress = Map.of("X-Forwarded-For", "203.0.113.7");

            Set<String> accepted = new TreeSet<>();
            List<HttpResponse<String>> refused = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<String> answer = tracker.get("v=2&tid=G-IT&en=page_view&cid=" + client
                        + "&dl=https%3A%2F%2Fexample.com%2Fburst-" + i, limitedAddress);
                if (answer.statusCode() == 204) {
                    accepted.add("https://example.com/burst-" + i);
                } else {
                    refused.add(answer);
                }
            }
            assertTrue(accepted.size() >= BURST, "the burst is accepted: " + accepted);
            assertFalse(refused.isEmpty(), "a request of the address beyond its allowance is refused");
            for (HttpResponse<String> answer : refused) {
                assertEquals(429, answer.statusCode(), answer.body());
                String retryAfter = answer.headers().firstValue("Retry-After").orElse("");
                assertTrue(retryAfter.matches("[1-9][0-9]*"), "Retry-After in whole seconds: " + retryAfter);
                assertEquals("too many requests from this address (receiver.rate_limit); retry after " + retryAfter
                        + " s", answer.body());
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                        answer.headers().map().toString());
            }

            String other = "rate-limit-other-" + UUID.randomUUID();
            assertEquals(204, tracker.get("v=2&tid=G-IT&en=page_view&cid=" + other
                    + "&dl=https%3A%2F%2Fexample.com%2Fother", Map.of("X-Forwarded-For", "203.0.113.8"))
                    .statusCode(), "another address has an allowance of its own");

            // one session: its rows are delivered together, so a refused request's event would be among them
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline());
            List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), accepted.size(),
                    Duration.ofSeconds(90));
            assertEquals(accepted, rows.stream().map(row -> row.get("page_location"))
                    .collect(Collectors.toCollection(TreeSet::new)), "exactly the accepted requests' events");
            warehouse.await(WarehouseRows.ofClients(other), 1, Duration.ofSeconds(90));
        }
    }
}
