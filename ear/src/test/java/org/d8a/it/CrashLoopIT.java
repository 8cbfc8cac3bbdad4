package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The crash loop: while senders post hits without pause, the server is killed with SIGKILL
 * {@code -Dd8a.it.crash.kills} times (3 in CI, 20 and more in {@code bench/crash-loop.sh}) and started again each
 * time. A kill comes after a seeded random number of hits answered since the last start
 * ({@code -Dd8a.it.crash.seed}), so it lands at a different moment each time: while requests are received, hits
 * consumed, sessions closed, rows delivered and segments uploaded (sessions close after 1 s, segments after 1 s).
 *
 * <p>Jepsen-style, every hit is classified by its answer: acknowledged ({@code 204}), refused (any other answer: the
 * server says it kept nothing), never sent (the connection was refused: a POST is not retried) or indeterminate (the
 * connection broke with the request on it). Once the last start has drained, every acknowledged hit is in the
 * warehouse exactly once, an indeterminate one at most once, and nothing else is: no refused hit, no hit never
 * sent, no row id twice.</p>
 */
class CrashLoopIT {

    private static final int KILLS = Integer.getInteger("d8a.it.crash.kills", 3);
    private static final long SEED = Long.getLong("d8a.it.crash.seed", 29);
    private static final int SENDERS = 2;
    /** How many hits are answered between a start and the next kill: 20 to 400, drawn per kill. */
    private static final int MIN_ANSWERED = 20;
    private static final int MORE_ANSWERED = 380;

    /** What the answer to one hit says about it. */
    private enum Outcome { ACKNOWLEDGED, REFUSED, INDETERMINATE }

    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong neverSent = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final String run = "crash-loop-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyAcknowledgedHitSurvivesRepeatedSigkillsExactlyOnce() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), run);
        Path warehouseDir = dir.resolve("warehouse");
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("d8a.yaml"), """
                sessions:
                  timeout: 1s
                  join_by_session_stamp: false
                warehouse:
                  files:
                    max_segment_age: 1s
                    filesystem:
                      path: %s
                """.formatted(warehouseDir), StandardCharsets.UTF_8);
        Random moments = new Random(SEED);
        List<String> kills = new ArrayList<>();

        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                running.add(senders.submit(() -> send(server.baseUri(), sender)));
            }
            for (int kill = 0; kill < KILLS; kill++) {
                long target = answered.get() + MIN_ANSWERED + moments.nextInt(MORE_ANSWERED);
                await("hits answered before kill " + (kill + 1)).atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(10)).until(() -> answered.get() >= target);
                // where the hits were when the server died: queued, in open sessions, spooled, in segments
                Pipeline.State moment = server.pipeline().state();
                server.kill();
                kills.add(answered.get() + " answered, " + moment.queued() + " queued, " + moment.protoSessions()
                        + " open, " + moment.depth() + " spooled, " + moment.staged().size() + " segments");
                server.start();
            }
            long afterLastStart = answered.get() + MIN_ANSWERED;
            await("hits answered after the last start").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(10)).until(() -> answered.get() >= afterLastStart);
            sending.set(false);
            for (Future<?> sender : running) {
                sender.get(1, TimeUnit.MINUTES);
            }

            Set<String> acknowledged = keys(Outcome.ACKNOWLEDGED);
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline());
            await("every acknowledged hit in the warehouse").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> copies(rows(warehouse)).keySet().containsAll(acknowledged));
            // a copy delivered late is in the files once the server has finished with every hit it holds
            server.pipeline().awaitDrained(Duration.ofMinutes(2));
            List<Map<String, String>> rows = rows(warehouse);
            Map<String, Long> copies = copies(rows);

            List<String> wrong = new ArrayList<>();
            copies.forEach((key, count) -> {
                Outcome outcome = outcomes.get(key);
                if (outcome == null) {
                    wrong.add(key + " stored " + count + " times but never answered (never sent)");
                } else if (outcome == Outcome.REFUSED) {
                    wrong.add(key + " stored " + count + " times but refused");
                } else if (count > 1) {
                    wrong.add(key + " (" + outcome + ") stored " + count + " times");
                }
            });
            acknowledged.stream().filter(key -> !copies.containsKey(key)).forEach(key -> wrong.add(key
                    + " acknowledged but lost"));
            assertEquals(List.of(), wrong, "seed " + SEED + ", kills " + kills);
            assertEquals(rows.size(), rows.stream().map(row -> row.get("id")).distinct().count(),
                    "no hit id twice across all rows");

            List<String> errors = Files.readAllLines(server.serverLog(), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(List.of(), errors, "no ERROR in the server log, seed " + SEED);

            Set<String> indeterminate = keys(Outcome.INDETERMINATE);
            System.out.printf("crash loop: seed %d, %d kills [%s], %d hits answered: %d acknowledged, %d refused;"
                    + " %d indeterminate (%d of them stored), %d never sent; %d rows, 0 lost, 0 duplicated%n", SEED,
                    KILLS, String.join("; ", kills), answered.get(), acknowledged.size(),
                    keys(Outcome.REFUSED).size(), indeterminate.size(),
                    indeterminate.stream().filter(copies::containsKey).count(), neverSent.get(), rows.size());
        } finally {
            sending.set(false);
            senders.shutdownNow();
        }
    }

    /**
     * One sender: page views of its own clients, five per client (so that sessions span kills), each on a page of its
     * own, so that {@code client_id} and {@code page_location} name the hit in the warehouse.
     */
    private Void send(URI server, int sender) throws InterruptedException {
        Tracker tracker = new Tracker(server);
        for (long hit = 0; sending.get(); hit++) {
            String client = run + "-" + sender + "-" + hit / 5;
            String page = "https://example.com/" + sender + "/" + hit;
            String key = client + " " + page;
            try {
                HttpResponse<String> answer = tracker.post("v=2&tid=G-IT&cid=" + client, "en=page_view&dl="
                        + URLEncoder.encode(page, StandardCharsets.UTF_8));
                outcomes.put(key, answer.statusCode() == 204 ? Outcome.ACKNOWLEDGED : Outcome.REFUSED);
                answered.incrementAndGet();
            } catch (ConnectException e) {
                neverSent.incrementAndGet();
                // the server is down: the next hit goes once it accepts connections again (or the run is over)
                await("the server accepting connections").atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(100)).until(() -> !sending.get() || accepts(server));
            } catch (IOException e) {
                outcomes.put(key, Outcome.INDETERMINATE);
            }
        }
        return null;
    }

    private static boolean accepts(URI server) {
        try (Socket probe = new Socket(server.getHost(), server.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Set<String> keys(Outcome outcome) {
        return outcomes.entrySet().stream().filter(entry -> entry.getValue() == outcome).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private List<Map<String, String>> rows(WarehouseRows warehouse) throws IOException {
        return warehouse.matching(row -> row.get("client_id").startsWith(run));
    }

    /** How many rows each hit has: the key of a row is its client id and page. */
    private static Map<String, Long> copies(List<Map<String, String>> rows) {
        return rows.stream().collect(Collectors.groupingBy(row -> row.get("client_id") + " "
                + row.get("page_location"), TreeMap::new, Collectors.counting()));
    }
}
