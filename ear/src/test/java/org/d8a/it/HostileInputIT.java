package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.d8a.it.HostileRequests.Expect;
import org.d8a.it.HostileRequests.Sent;
import org.junit.jupiter.api.Test;

/**
 * A seeded stream of malformed requests mixed with valid hits, drawn from {@link HostileRequests}
 * ({@code -Dd8a.it.hostile.requests}, default 2 000 in CI, 10 000 in {@code bench/hostile.sh};
 * {@code -Dd8a.it.hostile.seed}, default 17). No answer is a {@code 5xx}; every request the generator knows to be
 * invalid gets a {@code 4xx} with a one-line reason, and nothing of it is stored; the server log has no {@code ERROR};
 * every valid hit is delivered exactly once; and once the traffic is over, the server's live heap and open file
 * handles are back near what they were after a warm-up.
 */
class HostileInputIT {

    private static final long SEED = Long.getLong("d8a.it.hostile.seed", 17);
    private static final int REQUESTS = Integer.getInteger("d8a.it.hostile.requests", 2000);
    private static final int WARM_UP = Math.max(200, REQUESTS / 10);
    /** What the heap may keep beyond its warm-up baseline: caches filled by the run, not one retained request each. */
    private static final long HEAP_MARGIN_BYTES = 64L << 20;
    /** What the handles may exceed their baseline by: pooled connections and the segment files of the last minute. */
    private static final int HANDLE_MARGIN = 20;
    private static final Pattern HEAP_USED = Pattern.compile("\"used\" => (\\d+)L");

    @Test
    void malformedRequestsAreRefusedCleanlyAndValidHitsDeliveredOnce() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "hostile-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("d8a.yaml"), """
                sessions:
                  timeout: 2s
                  join_by_session_stamp: false
                property:
                  api_secrets: [hostile-secret]
                warehouse:
                  files:
                    max_segment_age: 1s
                    filesystem:
                      path: %s
                properties:
                  - id: matomo-site
                    name: Matomo site
                    measurement_id: "3"
                    protocol: matomo
                """.formatted(warehouseDir), StandardCharsets.UTF_8);

        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            HostileRequests corpus = new HostileRequests(server.baseUri(), SEED);
            List<Sent> sent = new ArrayList<>();
            List<String> findings = new ArrayList<>();
            long started = System.nanoTime();
            send(corpus, WARM_UP, sent, findings);
            long heapBaseline = liveHeap(server);
            long handleBaseline = openHandles(server);
            send(corpus, REQUESTS - WARM_UP, sent, findings);
            long sendingMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(List.of(), findings, "seed " + SEED);

            String[] validClients = clients(sent, Expect.STORED);
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline());
            List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(validClients),
                    validClients.length, Duration.ofSeconds(120));
            Map<String, Long> perClient = rows.stream().collect(Collectors.groupingBy(row -> row.get("client_id"),
                    TreeMap::new, Collectors.counting()));
            assertEquals(Stream.of(validClients).collect(Collectors.toMap(c -> c, c -> 1L, (a, b) -> a,
                    TreeMap::new)), perClient, "every valid hit once, seed " + SEED);
            // the refused requests came before the last valid hit, whose session closed after theirs would have
            assertEquals(List.of(), warehouse.matching(WarehouseRows.ofClients(clients(sent, Expect.REFUSED))),
                    "nothing of a refused request stored, seed " + SEED);

            List<String> errors = Files.readAllLines(server.serverLog(), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(List.of(), errors, "no ERROR in the server log, seed " + SEED);

            long heapAfter = await("the live heap back near its baseline of " + heapBaseline + " bytes")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> liveHeap(server), heap -> heap <= heapBaseline + HEAP_MARGIN_BYTES);
            long handlesAfter = await("the open file handles back near their baseline of " + handleBaseline)
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> openHandles(server), handles -> handles <= handleBaseline + HANDLE_MARGIN);

            Map<Integer, Long> statuses = sent.stream().collect(Collectors.groupingBy(Sent::status, TreeMap::new,
                    Collectors.counting()));
            System.out.printf("hostile input: seed %d, %d requests in %d ms (%d valid, %d known invalid), answers %s,"
                    + " 0 findings, %d rows, live heap %d -> %d MiB, file handles %d -> %d%n", SEED, REQUESTS,
                    sendingMillis, validClients.length, clients(sent, Expect.REFUSED).length, statuses, rows.size(),
                    heapBaseline >> 20, heapAfter >> 20, handleBaseline, handlesAfter);
        }
    }

    /** Draws and sends {@code count} requests; what their answers got wrong goes to {@code findings}. */
    private static void send(HostileRequests corpus, int count, List<Sent> sent, List<String> findings)
            throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            Sent request = corpus.next();
            String problem = problem(request);
            if (problem != null) {
                findings.add("#" + sent.size() + " " + request.what() + ": " + problem);
            }
            sent.add(request);
        }
    }

    /** Why {@code request}'s answer is wrong, or {@code null}. */
    private static String problem(Sent request) {
        int status = request.status();
        String reason = request.reason();
        if (status < 0 || status >= 500) {
            return "answered " + status + " " + reason;
        }
        switch (request.expect()) {
            case STORED -> {
                if (status != 204) {
                    return "a valid hit answered " + status + " " + reason;
                }
            }
            case REFUSED -> {
                if (status < 400) {
                    return "an invalid request answered " + status;
                }
            }
            default -> {
            }
        }
        if (status >= 400 && (reason.isBlank() || reason.contains("\n") || reason.contains("\r"))) {
            return "a refusal without a one-line reason: " + status + " [" + reason + "]";
        }
        return null;
    }

    private static String[] clients(List<Sent> sent, Expect expect) {
        return sent.stream().filter(request -> request.expect() == expect).map(Sent::client).toArray(String[]::new);
    }

    /** The server's heap in use right after a full collection, read through its management port. */
    private static long liveHeap(ServerProcess server) throws IOException, InterruptedException {
        String memory = server.manage("/core-service=platform-mbean/type=memory:gc()",
                "/core-service=platform-mbean/type=memory:read-attribute(name=heap-memory-usage)");
        Matcher used = HEAP_USED.matcher(memory);
        if (!used.find()) {
            throw new IllegalStateException("no heap usage in: " + memory);
        }
        return Long.parseLong(used.group(1));
    }

    /** The file descriptors the server's JVM holds open: files, sockets, pipes. */
    private static long openHandles(ServerProcess server) throws IOException {
        try (Stream<Path> handles = Files.list(Path.of("/proc", Long.toString(server.jvmPid()), "fd"))) {
            return handles.count();
        }
    }
}
