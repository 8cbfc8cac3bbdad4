package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A reference user's configuration file on a real server, read through the container's MicroProfile Config (issue 11,
 * item 7): keys without meaning on WildFly are each named by one warning at deployment and stop nothing, the
 * reference's {@code warehouse.files.filesystem.path} is where the rows go, and a system property on the server's
 * command line overrides the file. Runs its own server, as all of this happens at deployment.
 */
class ReferenceConfigurationIT {

    private static final Pattern WARNING = Pattern.compile(
            "WARN(?:ING)? +\\[org\\.d8a\\.config\\.ConfigurationReport] \\([^)]*\\) (\\S+) ");

    @Test
    void ignoredKeysAreWarnedAboutOnceAndTheRestIsHonoured() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "reference-config-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        // sessions.timeout of the file is far too long for the row to arrive: the system property's 1s must win
        Files.writeString(config, "debug: true\nserver:\n  port: 9090\nstorage:\n  bolt_directory: /nonexistent\n"
                + "queue:\n  backend: filesystem\n  object_storage:\n    s3:\n      secret_key: not-a-s3cret-to-log\n"
                + "sessions:\n  timeout: 30m\nwarehouse:\n  files:\n    max_segment_age: 1s\n    filesystem:\n      path: "
                + warehouseDir + "\n", StandardCharsets.UTF_8);

        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.systemProperty("sessions.timeout", "1s").start();
            String client = "reference-config-" + UUID.randomUUID();
            assertEquals(204, new Tracker(server.baseUri()).pageView(client, "https://example.com/").statusCode());
            new WarehouseRows(warehouseDir, server.pipeline()).await(WarehouseRows.ofClients(client), 1,
                    Duration.ofSeconds(60));

            List<String> log = Files.readAllLines(dir.resolve("base/log/server.log"), StandardCharsets.UTF_8);
            assertEquals(List.of("debug", "server.port", "storage.bolt_directory", "queue.backend",
                    "queue.object_storage.s3.secret_key"), log.stream().map(WARNING::matcher).filter(Matcher::find)
                    .map(matcher -> matcher.group(1)).toList(), "one warning per ignored key, in the table's order");
            assertEquals(1, count(log.stream(), "configuration file " + config + ": "));
            assertEquals(0, count(log.stream(), "not-a-s3cret-to-log"), "warnings never carry a value");
        }
    }

    private static long count(Stream<String> lines, String text) {
        return lines.filter(line -> line.contains(text)).count();
    }
}
