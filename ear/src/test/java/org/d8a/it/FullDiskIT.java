package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A full disk under the server's own files (issue 17, "Full disk"), each on a small file system of its own that the
 * test fills and frees while the server runs: the embedded broker's journal, and the files warehouse's staging
 * ({@code storage.spool_directory}). A hit answered {@code 204} is never lost, one that cannot be stored is answered
 * {@code 503} with {@code Retry-After}, the server log says so once as a warning, and everything resumes by itself once
 * the space is back.
 */
class FullDiskIT {

    private static final String MESSAGING = "/subsystem=messaging-activemq/server=default";
    private static final String DELIVER_JOB = "/deployment=d8a.ear/subdeployment=d8a-batch.jar/subsystem=batch-jberet"
            + "/job=deliver";
    private static final Pattern CLI_RESULT = Pattern.compile("\"result\" => (\\d+)");
    /** What the server answers a request with at once, or the test calls it stuck. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    /**
     * The journal, bindings, paging and large messages of the embedded Artemis broker on a 64 MiB file system (its two
     * pre-allocated 10 MiB journal files fit with room to spare). Artemis scans the disk every 200 ms here (5 s by
     * default) and blocks producers beyond {@code global-max-disk-usage} (90 %, set by {@code messaging.cli}); the
     * receiver then refuses hits at once.
     */
    @Test
    void fullJournalDiskRefusesHitsWith503AndTakesThemAgainOnceThereIsSpace() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("d8a.it.dir"), "full-journal-"
                + UUID.randomUUID()));
        Path warehouseDir = dir.resolve("warehouse");
        Path config = Files.writeString(dir.resolve("d8a.yaml"), "sessions:\n  timeout: 1s\nwarehouse:\n  files:\n"
                + "    max_segment_age: 1s\n    filesystem:\n      path: " + warehouseDir + "\n",
                StandardCharsets.UTF_8);
        try (SmallFileSystem disk = SmallFileSystem.mount(dir.resolve("journal-disk"), "64m");
                ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                        dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            List<String> commands = new ArrayList<>();
            for (String path : List.of("journal", "bindings", "paging", "large-messages")) {
                String resource = MESSAGING + "/path=" + path + "-directory";
                commands.add(resource + ":undefine-attribute(name=relative-to)");
                commands.add(resource + ":write-attribute(name=path, value=" + disk.path().resolve(path) + ")");
            }
            commands.add(MESSAGING + ":write-attribute(name=disk-scan-period, value=200)");
            server.configure(commands.toArray(String[]::new));
            server.start();
            assertTrue(Files.isDirectory(disk.path().resolve("journal")), "the broker's journal is on the small disk");
            Hits hits = new Hits(new Tracker(server.baseUri()), "full-journal-");
            for (int i = 0; i < 3; i++) {
                assertEquals(204, hits.send().statusCode(), "before the disk is full");
            }

            // The disk fills up as disks do: past the broker's limit first, then to the last byte. (Filled at once,
            // faster than the broker's scan, the first write it then attempts fails and stops it: see operations.md.)
            disk.fill(2 * 1024 * 1024);
            await("a hit refused with 503 once the broker sees its disk beyond its limit").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100)).until(() -> hits.send().statusCode() == 503);
            long filled = disk.fill();
            assertTrue(disk.usableSpace() < 64 * 1024, "filled " + filled + " bytes, " + disk.usableSpace() + " left");
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                HttpResponse<String> refused = hits.send();
                assertEquals(503, refused.statusCode(), "while the disk is full: " + refused.body());
                assertEquals("the hits queue is blocked; retry later", refused.body());
                assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(PROMPT) < 0,
                        "refused at once, not after a wait for the blocked broker");
            }
            String log = serverLog(server);
            assertEquals(1, occurrences(log, "the hits queue takes no hits"), "reported once: " + log);

            disk.free();
            await("a hit answered 204 again, without a restart").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100)).until(() -> hits.send().statusCode() == 204);
            assertTrue(serverLog(server).contains("the hits queue takes hits again"), "the recovery is reported");

            List<String> acknowledged = hits.answered(204);
            assertTrue(hits.answered(503).size() >= 4, "refused: " + hits.answered(503));
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline());
            warehouse.await(WarehouseRows.ofClients(acknowledged.toArray(String[]::new)), acknowledged.size(),
                    Duration.ofSeconds(90));
            // a refused hit may have been stored after all (the client's retry would be recognised), but only once
            List<Map<String, String>> every = warehouse.matching(WarehouseRows.ofClients(hits.all()));
            WarehouseRows.assertExactlyOnce(every, every.size(), row -> row.get("id"));
            assertNoErrors(server);
        }
    }

    /**
     * The files warehouse's staging ({@code storage.spool_directory}) on an 8 MiB file system. Full while sessions
     * close: their rows cannot be staged, so they stay in the session spool and are retried with backoff. Full while
     * staged rows wait for their upload: the upload cannot write its local file and waits. Either is one warning, not
     * one per attempt, no quarantine, and all rows arrive once the space is back.
     */
    @Test
    void fullStagingDiskPausesDeliveryAndResumesOnceThereIsSpace() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("d8a.it.dir"), "full-spool-"
                + UUID.randomUUID()));
        Path warehouseDir = dir.resolve("warehouse");
        try (SmallFileSystem disk = SmallFileSystem.mount(dir.resolve("spool-disk"), "8m")) {
            Path spoolDir = disk.path().resolve("spool");
            Path config = Files.writeString(dir.resolve("d8a.yaml"), "sessions:\n  timeout: 1s\nstorage:\n"
                    + "  spool_directory: " + spoolDir + "\nwarehouse:\n  files:\n    max_segment_age: 1s\n"
                    + "    filesystem:\n      path: " + warehouseDir + "\n", StandardCharsets.UTF_8);
            try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                    dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
                server.start();
                Hits hits = new Hits(new Tracker(server.baseUri()), "full-spool-");
                WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline(spoolDir));
                // the stream's schema is stored and its segment uploaded: what follows needs only space for rows
                assertEquals(204, hits.send().statusCode());
                warehouse.await(WarehouseRows.ofClients(hits.clients()), 1, Duration.ofSeconds(60));

                // full before the sessions close: their rows cannot be staged
                disk.fill();
                for (int i = 0; i < 3; i++) {
                    assertEquals(204, hits.send().statusCode(), "the hits queue is not on the full disk");
                }
                SpoolEndpoint.awaitLastError(server.baseUri(), "No space left on device");
                long firstAttempt = deliverExecutions(server);
                await("two more delivery attempts").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> deliverExecutions(server) >= firstAttempt + 2);
                String log = serverLog(server);
                assertEquals(1, occurrences(log, "deliveries to the warehouse fail"), "reported once: " + log);
                assertEquals(0, SpoolEndpoint.read(server.baseUri()).getJsonNumber("quarantined").longValue());
                assertEquals(1, warehouse.all().size(), "only the first client's row is in the warehouse");

                disk.free();
                warehouse.await(WarehouseRows.ofClients(hits.clients()), 4, Duration.ofSeconds(90));
                assertTrue(serverLog(server).contains("deliveries to the warehouse succeed again"), serverLog(server));

                // full while staged rows wait for their upload (every flush, 1 s): staged, then filled at once
                String staged = stageThenFill(hits, warehouse, disk, spoolDir);
                await("uploads that keep failing for the full disk, without quarantine")
                        .during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> warehouse.matching(WarehouseRows.ofClients(staged)).isEmpty()
                                && quarantined(spoolDir).isEmpty());
                log = serverLog(server);
                assertEquals(1, occurrences(log, "uploads of the files warehouse wait"), "reported once: " + log);

                disk.free();
                warehouse.await(WarehouseRows.ofClients(hits.clients()), hits.clients().length,
                        Duration.ofSeconds(90));
                assertTrue(serverLog(server).contains("uploads of the files warehouse go on"), serverLog(server));
                assertNoErrors(server);
            }
        }
    }

    /**
     * Sends a hit whose session closes at once and fills the disk as soon as its rows are staged, before the next flush
     * uploads them; tries again with a new client when the flush was quicker. Returns the client whose rows wait.
     */
    private static String stageThenFill(Hits hits, WarehouseRows warehouse, SmallFileSystem disk, Path spoolDir)
            throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            String client = hits.sendOne();
            await("the rows of " + client + " staged").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10)).until(() -> stagedBytes(spoolDir) > 0
                            || !warehouse.matching(WarehouseRows.ofClients(client)).isEmpty());
            disk.fill();
            if (warehouse.matching(WarehouseRows.ofClients(client)).isEmpty() && stagedBytes(spoolDir) > 0) {
                return client;
            }
            // the flush uploaded them first: free the disk for the next try
            disk.free();
            warehouse.await(WarehouseRows.ofClients(hits.clients()), hits.clients().length, Duration.ofSeconds(60));
        }
        throw new AssertionError("the flush uploaded the staged rows before the disk was filled, five times");
    }

    /** Bytes in the staging directory's segments: active ones with rows and sealed ones waiting for their upload. */
    private static long stagedBytes(Path spoolDir) throws IOException {
        Path segments = spoolDir.resolve("warehouse/files/spool");
        try (Stream<Path> files = Files.list(segments)) {
            long bytes = 0;
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".spool") || name.contains(".spool.inflight.") && !name.endsWith(".upload")
                        && !name.endsWith(".quarantine")) {
                    bytes += Files.size(file);
                }
            }
            return bytes;
        }
    }

    private static List<Path> quarantined(Path spoolDir) throws IOException {
        try (Stream<Path> files = Files.list(spoolDir.resolve("warehouse/files/spool"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".quarantine")).toList();
        }
    }

    private static long deliverExecutions(ServerProcess server) throws IOException, InterruptedException {
        String output = server.manage(DELIVER_JOB + ":read-attribute(name=instance-count)");
        Matcher result = CLI_RESULT.matcher(output);
        assertTrue(result.find(), output);
        return Long.parseLong(result.group(1));
    }

    private static void assertNoErrors(ServerProcess server) throws IOException {
        List<String> errors = serverLog(server).lines().filter(line -> line.contains(" ERROR ")).toList();
        assertEquals(List.of(), errors, "a full disk is an expected condition: warnings, no errors");
    }

    private static String serverLog(ServerProcess server) throws IOException {
        return Files.readString(server.serverLog(), StandardCharsets.UTF_8);
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** One page view per client, each client new, and every answer kept: 204, or 503 with {@code Retry-After}. */
    private static final class Hits {

        private final Tracker tracker;
        private final String prefix;
        private final Map<String, Integer> answers = new LinkedHashMap<>();

        Hits(Tracker tracker, String prefix) {
            this.tracker = tracker;
            this.prefix = prefix;
        }

        HttpResponse<String> send() throws IOException, InterruptedException {
            String client = prefix + UUID.randomUUID();
            HttpResponse<String> response = tracker.pageView(client, "https://example.com/" + answers.size());
            int status = response.statusCode();
            assertTrue(status == 204 || status == 503, "204 or 503, never " + status + ": " + response.body());
            if (status == 503) {
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), "503 with Retry-After");
            }
            answers.put(client, status);
            return response;
        }

        /** Sends a hit that must be answered 204; returns its client. */
        String sendOne() throws IOException, InterruptedException {
            assertEquals(204, send().statusCode());
            return answers.keySet().stream().reduce((first, second) -> second).orElseThrow();
        }

        List<String> answered(int status) {
            return answers.entrySet().stream().filter(answer -> answer.getValue() == status).map(Map.Entry::getKey)
                    .toList();
        }

        /** Every client, whatever its answer. */
        String[] all() {
            return answers.keySet().toArray(String[]::new);
        }

        /** The clients whose hits were answered 204. */
        String[] clients() {
            return answered(204).toArray(String[]::new);
        }
    }
}
