package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code warehouse.driver: console} on a server of its own: every row is one JSON line in the log category
 * {@code org.d8a.warehouse.console}, with every column of the table, and nothing is written anywhere else.
 */
class ConsoleWarehouseIT {

    @Test
    void eachRowIsOneJsonLineInTheServerLog() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "console-" + UUID.randomUUID());
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        Files.writeString(config, "sessions:\n  timeout: 1s\nwarehouse:\n  driver: console\n  files:\n"
                + "    filesystem:\n      path: " + dir.resolve("warehouse") + "\n", StandardCharsets.UTF_8);
        String client = "console-" + UUID.randomUUID();
        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            assertEquals(204, new Tracker(server.baseUri()).pageView(client, "https://example.com/console")
                    .statusCode());

            Path log = dir.resolve("base/log/server.log");
            await("a row of " + client + " in " + log).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250)).until(() -> !rowLines(log, client).isEmpty());
            // a second line of the same row, however late, is in the log once the server has drained
            server.pipeline().awaitDrained(Duration.ofSeconds(60));
            List<String> lines = rowLines(log, client);
            assertEquals(1, lines.size(), "one row: " + lines);
            String line = lines.get(0);
            JsonObject row;
            try (JsonReader reader = Json.createReader(new StringReader(line.substring(line.indexOf('{'))))) {
                row = reader.readObject();
            }
            assertEquals("page_view", row.getString("name"));
            assertEquals("https://example.com/console", row.getString("page_location"));
            assertEquals(row.getString("id"), row.getString("session_id"), "the first event's id names the session");
            assertTrue(row.isNull("user_id"), "a missing value is a JSON null");
            assertEquals(List.copyOf(row.keySet()).stream().sorted().toList(), List.copyOf(row.keySet()),
                    "keys sorted, as the reference prints them");
            assertTrue(row.size() > 200, "every column of the table: " + row.size());
            assertTrue(!Files.exists(dir.resolve("warehouse")), "nothing is written to the files warehouse");
        }
    }

    private static List<String> rowLines(Path log, String client) throws Exception {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("[org.d8a.warehouse.console]")
                    && line.contains("\"client_id\":\"" + client + "\"")).toList();
        }
    }
}
