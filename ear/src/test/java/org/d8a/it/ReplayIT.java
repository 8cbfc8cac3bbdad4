package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The raw log and the {@code replay} job: a server with {@code receiver.raw_log} on takes live traffic; a second,
 * fresh server (new state, new warehouse) replays the first one's raw log, and writes the same rows: same event ids,
 * same values in every column.
 */
class ReplayIT {

    // 160 logged requests: more than one chunk of the replay job (100 lines), in several raw log files
    private static final int CLIENTS = 40;
    private static final int PAGES = 4;
    private static final int ROWS = CLIENTS * PAGES + 2;

    @Test
    void replayingTheRawLogReproducesTheLiveRows() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "replay-" + UUID.randomUUID());
        Path rawLog = dir.resolve("raw-log");
        Path liveWarehouse = dir.resolve("live");
        Path replayWarehouse = dir.resolve("replayed");
        Files.createDirectories(dir);
        Path liveConfig = Files.writeString(dir.resolve("live.yaml"), config(liveWarehouse, rawLog, true),
                StandardCharsets.UTF_8);
        Path replayConfig = Files.writeString(dir.resolve("replay.yaml"), config(replayWarehouse, rawLog, false),
                StandardCharsets.UTF_8);
        String run = "replay-" + UUID.randomUUID() + "-";
        Path serverHome = Path.of(System.getProperty("d8a.server.dir"));
        Path ear = Path.of(System.getProperty("d8a.ear"));

        List<Map<String, String>> live;
        try (ServerProcess server = new ServerProcess(serverHome, dir.resolve("live-base"), liveConfig, ear)) {
            server.start();
            Tracker tracker = new Tracker(server.baseUri());
            for (int client = 0; client < CLIENTS; client++) {
                for (int page = 0; page < PAGES; page++) {
                    assertEquals(204, tracker.pageView(run + client, "https://example.com/?utm_campaign=c" + page
                            + "&p=" + page).statusCode());
                }
            }
            assertEquals(204, tracker.post("v=2&tid=G-IT&cid=" + run + "post", "en=page_view&dl=https%3A%2F%2F"
                    + "example.com%2Fa\nen=scroll&epn.percent_scrolled=90").statusCode());
            live = new WarehouseRows(liveWarehouse, server.pipeline()).await(row -> row.get("client_id").startsWith(run), ROWS,
                    Duration.ofSeconds(60));
        }
        try (Stream<Path> files = Files.list(rawLog)) {
            assertTrue(files.count() > 1, "the raw log rotated, so the replay reads several files");
        }

        try (ServerProcess server = new ServerProcess(serverHome, dir.resolve("replay-base"), replayConfig, ear)) {
            server.start();
            HttpResponse<String> started = AdminApi.post(server.baseUri(), "/replay?path=.");
            assertEquals(202, started.statusCode(), started.body());
            // (drained includes the replay execution having finished: it is what puts the hits on the queue)
            List<Map<String, String>> replayed = new WarehouseRows(replayWarehouse, server.pipeline()).await(
                    row -> row.get("client_id").startsWith(run), ROWS, Duration.ofSeconds(60));
            assertEquals(byId(live), byId(replayed));
        }
    }

    private static String config(Path warehouse, Path rawLog, boolean logging) {
        return "sessions:\n  timeout: 2s\nreceiver:\n  raw_log: " + logging + "\n  raw_log_max_bytes: 20000"
                + "\n  raw_log_directory: " + rawLog
                + "\nwarehouse:\n  files:\n    max_segment_age: 1s\n    filesystem:\n      path: " + warehouse + "\n";
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
        return rows.stream().collect(Collectors.toMap(row -> row.get("id"), Function.identity()));
    }
}
