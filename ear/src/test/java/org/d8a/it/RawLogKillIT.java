package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL between accept and publish: a request's hits are in the raw log, its publish has not committed and the client
 * has no answer yet. After the restart, the recovery replay ({@code POST /replay?path=.&recover=true}) puts exactly
 * that request back on the queue and confirms it in the raw log, so that a second recovery finds nothing; a full
 * replay of the raw log on top of it writes nothing twice while the session is open (the consumer skips hit ids it
 * holds): every event of the client is in the warehouse once. Meanwhile, a raw log that cannot be written refuses
 * requests with {@code 503} and is reported once.
 *
 * <p>The gap between accept and publish is held open without any hook in the product: the hits address of this
 * test's server copy blocks producers once it holds one byte (Artemis {@code address-full-policy=BLOCK}, producer
 * credits asked for every message on the publisher's factory {@code d8a-hits}), and the hits queue is paused, so the
 * first request's message fills the address and the publisher's next send waits for credits that never come. The kill
 * waits until the raw log holds the second request's hits.</p>
 */
class RawLogKillIT {

    private static final String SETTINGS = "/subsystem=messaging-activemq/server=default";
    private static final Pattern HIT_ID = Pattern.compile("[{,]\"id\":\"([^\"]+)\"");
    // Long enough to outlast the kill, the restart and both replays: the full replay must find the session open.
    private static final String SESSION_TIMEOUT = "45s";

    @Test
    void requestKilledBetweenAcceptAndPublishIsReplayedExactlyOnce() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "raw-log-kill-" + UUID.randomUUID());
        Path rawLog = dir.resolve("raw-log");
        Path warehouseDir = dir.resolve("warehouse");
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("d8a.yaml"), "sessions:\n  timeout: " + SESSION_TIMEOUT
                + "\nreceiver:\n  raw_log: true\n  raw_log_directory: " + rawLog
                + "\nwarehouse:\n  files:\n    max_segment_age: 1s\n    filesystem:\n      path: " + warehouseDir
                // the requests of the refused-log check: a session that closes quickly, so the drain waits for nothing
                + "\nproperties:\n  - id: refused\n    name: Refused\n    measurement_id: G-REFUSED\n"
                + "    sessions:\n      timeout: 1s\n",
                StandardCharsets.UTF_8);
        String client = "raw-log-kill-" + UUID.randomUUID();
        String query = "v=2&tid=G-IT&cid=" + client;

        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            // the usual settings, unless this run's system properties make the hits address block producers
            server.configure(
                    SETTINGS + "/address-setting=jms.queue.hits:write-attribute(name=max-size-bytes,"
                            + " value=${d8a.it.hits.max-size-bytes:104857600})",
                    SETTINGS + "/address-setting=jms.queue.hits:write-attribute(name=address-full-policy,"
                            + " value=${d8a.it.hits.address-full-policy:PAGE})",
                    SETTINGS + "/connection-factory=d8a-hits:write-attribute(name=producer-window-size,"
                            + " value=${d8a.it.producer-window-size:65536})");
            server.start("d8a.it.hits.max-size-bytes=1", "d8a.it.hits.address-full-policy=BLOCK",
                    "d8a.it.producer-window-size=1");
            server.manage(SETTINGS + "/jms-queue=hits:pause()");
            Tracker tracker = new Tracker(server.baseUri());

            assertEquals(204, tracker.post(query, "en=page_view&dl=https%3A%2F%2Fexample.com%2Fqueued\n"
                    + "en=scroll&epn.percent_scrolled=90\nen=click&ep.link=a").statusCode(),
                    "the first request is queued: its message fills the hits address");
            CompletableFuture<HttpResponse<String>> killed = CompletableFuture.supplyAsync(() -> {
                try {
                    return tracker.post(query, "en=page_view&dl=https%3A%2F%2Fexample.com%2Fkilled\n"
                            + "en=click&ep.link=b");
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitCondition("the raw log holds the second request's hits",
                    () -> rawLogLines(rawLog).stream().anyMatch(line -> line.contains("example.com/killed")),
                    Duration.ofSeconds(20));
            assertFalse(killed.isDone(), "the second request is not answered: its publish waits");
            assertTrue(server.manage(SETTINGS + "/jms-queue=hits:read-attribute(name=message-count)")
                    .contains("\"result\" => 1L"), "only the first request's message is in the queue");

            server.kill();
            assertFalse(answeredNoContent(killed), "the killed request was never acknowledged");

            server.start();
            replay(server, "/replay?path=.&recover=true");
            awaitCondition("the recovery replay read the one request whose publish never committed",
                    () -> serverLog(server).contains("(recover): 1 requests read"), Duration.ofSeconds(30));
            awaitCondition("the recovery replay confirmed that request in the raw log",
                    () -> serverLog(server).contains("confirmed the 1 requests it put back"), Duration.ofSeconds(30));
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline());
            assertEquals(List.of(), warehouse.matching(WarehouseRows.ofClients(client)),
                    "the client's session must still be open for the full replay (raise SESSION_TIMEOUT)");
            replay(server, "/replay?path=.");
            awaitCondition("the full replay read both requests", () -> serverLog(server).contains(": 2 requests read"),
                    Duration.ofSeconds(30));
            replay(server, "/replay?path=.&recover=true");
            awaitCondition("a second recovery finds nothing left to recover",
                    () -> serverLog(server).contains("(recover): 0 requests read"), Duration.ofSeconds(30));

            List<String> loggedIds = new ArrayList<>();
            for (String line : rawLogLines(rawLog)) {
                Matcher id = HIT_ID.matcher(line);
                while (id.find()) {
                    loggedIds.add(id.group(1));
                }
            }
            assertEquals(5, loggedIds.size(), "both requests are in the raw log: " + loggedIds);

            // While the session closes: a raw log that cannot be written (its directory is a file now) refuses every
            // request with 503, and the server log says so once, then once more when it is written again.
            Path kept = Files.move(rawLog, dir.resolve("raw-log-kept"));
            Files.writeString(rawLog, "not a directory");
            String refusedHit = "v=2&tid=G-REFUSED&en=page_view&cid=raw-log-refused-" + UUID.randomUUID() + "&dl=";
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> refused = tracker.get(refusedHit + "https%3A%2F%2Fexample.com%2Frefused");
                assertEquals(503, refused.statusCode(), refused.body());
                assertEquals("the raw log cannot be written; retry later", refused.body());
            }
            Files.delete(rawLog);
            Files.move(kept, rawLog);
            assertEquals(204, tracker.get(refusedHit + "https%3A%2F%2Fexample.com%2Faccepted").statusCode());
            String log = serverLog(server);
            assertEquals(1, log.split("cannot write the raw log under", -1).length - 1, "one message: " + log);
            assertTrue(log.contains("is written again; 2 requests were refused with 503"), log);
            assertFalse(log.contains("hits not queued"), "nothing logged per request");

            // one session: its rows are delivered together, so a duplicate would be among them
            List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), loggedIds.size(),
                    Duration.ofSeconds(90));
            Map<String, Long> rowsById = rows.stream().collect(Collectors.groupingBy(row -> row.get("id"),
                    Collectors.counting()));
            assertEquals(loggedIds.stream().collect(Collectors.toMap(id -> id, id -> 1L)), rowsById,
                    "every logged event once, the killed request's included");
            assertEquals(1, rows.stream().map(row -> row.get("session_id")).distinct().count(), rows.toString());
        }
    }

    private static void replay(ServerProcess server, String path) throws IOException, InterruptedException {
        HttpResponse<String> started = AdminApi.post(server.baseUri(), path);
        assertEquals(202, started.statusCode(), started.body());
    }

    private static boolean answeredNoContent(CompletableFuture<HttpResponse<String>> request)
            throws InterruptedException, TimeoutException {
        try {
            return request.get(30, TimeUnit.SECONDS).statusCode() == 204;
        } catch (ExecutionException connectionLost) {
            return false;
        }
    }

    private static List<String> rawLogLines(Path rawLog) {
        try (Stream<Path> files = Files.list(rawLog)) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
            return lines;
        } catch (java.nio.file.NoSuchFileException notYet) {
            return List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serverLog(ServerProcess server) {
        try {
            return Files.readString(server.serverLog(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCondition(String what, BooleanSupplier condition, Duration timeout) {
        await(what).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
