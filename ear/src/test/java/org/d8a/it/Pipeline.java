package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Whether a server has finished with every hit it accepted, so that a test can count rows knowing that none is still on
 * its way: a duplicate that would arrive late is in the warehouse by then, and fails the test's exact count.
 *
 * <p>Drained means, read in the order hits move through the server (upstream first, so that nothing can slip past
 * the reads while it moves on): no replay execution running, nothing in the hits queue, no open proto-session (these
 * three from {@link PipelineProbe}, the product reports none of them), nothing held in the in-memory spool, nothing
 * due or failing in the persistent spool ({@code GET /spool}: every spooled session is quarantined, if any is), and
 * nothing staged by the files warehouse ({@code storage.spool_directory}/warehouse/files/spool holds no active segment
 * with rows and no sealed segment waiting for its upload).</p>
 *
 * <p>One gap remains: a {@code best_effort} buffer the in-memory spool took for a flush is neither held nor yet
 * written while that flush runs, and nothing shows it.</p>
 */
final class Pipeline {

    static final String PROBE = "d8a-it-probe";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final Path staging;

    /**
     * @param base the server's root URI
     * @param spoolDirectory the server's {@code storage.spool_directory}
     */
    Pipeline(URI base, Path spoolDirectory) {
        this.base = base;
        this.staging = spoolDirectory.resolve("warehouse").resolve("files").resolve("spool");
    }

    /** The server Arquillian runs, with the test configuration's spool directory ({@code d8a-it.yaml}). */
    static Pipeline ofTestServer(URI base) {
        return new Pipeline(base, Path.of(System.getProperty("d8a.it.dir"), "spool"));
    }

    /** The probe to deploy next to the application: {@code d8a-it-probe.war}. */
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, PROBE + ".war").addClass(PipelineProbe.class);
    }

    /** Waits until the server has finished with every hit it accepted (see the class comment). */
    void awaitDrained(Duration timeout) {
        await("the pipeline of " + base + " drained").atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
                .untilAsserted(() -> {
                    State state = state();
                    assertTrue(state.drained(), "not drained: " + state);
                });
    }

    /** Whether the probe answers (it is deployed separately from the application). */
    boolean probeAnswers() throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve("/" + PROBE + "/pipeline")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The probe's counts, for a test that waits for hits to reach a stage. */
    JsonObject probed() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/" + PROBE + "/pipeline"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** Every stage, upstream first. */
    State state() throws IOException, InterruptedException {
        JsonObject upstream = probed();
        // the in-memory spool comes before the persistent one (its refused buffers move there): a spool read of its own
        JsonObject memory = SpoolEndpoint.read(base).getJsonObject("memory");
        JsonObject spool = SpoolEndpoint.read(base);
        return new State(upstream.getJsonNumber("replays_running").longValue(),
                upstream.getJsonNumber("queued").longValue(), upstream.getJsonNumber("proto_sessions").longValue(),
                memory.getJsonNumber("held").longValue(), spool.getJsonNumber("depth").longValue(),
                spool.getJsonNumber("quarantined").longValue(), staged());
    }

    /**
     * Active segments with rows and sealed segments not yet uploaded. A file that went away while the directory was read
     * (sealed, or uploaded) counts as staged for this read: what it became may not have been listed.
     */
    private List<String> staged() throws IOException {
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.contains(".spool.inflight.") || name.endsWith(".spool") && holdsBytes(file);
            }).map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean holdsBytes(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (NoSuchFileException movedMeanwhile) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record State(long replaysRunning, long queued, long protoSessions, long held, long depth, long quarantined,
            List<String> staged) {

        boolean drained() {
            return replaysRunning == 0 && queued == 0 && protoSessions == 0 && held == 0 && depth == quarantined
                    && staged.isEmpty();
        }
    }
}
