package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits of an internet-facing collector on the prepared server, as {@code server.cli} sets Undertow's and the
 * default {@code receiver.max_body_lines}: oversize heads and bodies, too many lines, clients that send their head too
 * slowly. Each refused request is checked against a valid one of the same client, whose session would hold the
 * refused request's events had any of them been kept.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpLimitsIT {

    private static final Duration ROWS_TIMEOUT = Duration.ofSeconds(60);
    /** server.cli's max-header-size */
    private static final int MAX_HEADER_SIZE = 65536;
    /** HitIntake.MAX_BODY_BYTES */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** server.cli's max-post-size: the receiver's limit and a margin in which it answers with a reason */
    private static final int MAX_POST_SIZE = MAX_BODY_BYTES + 64 * 1024;

    @ArquillianResource
    @OperateOnDeployment("d8a")
    URL baseUrl;

    private URI root;
    private Tracker tracker;
    private WarehouseRows warehouse;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(name = "d8a", testable = false, order = 1)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new java.io.File(System.getProperty("d8a.ear")));
    }

    @Deployment(name = "pipeline", testable = false, order = 2)
    static WebArchive pipelineProbe() {
        return Pipeline.probe();
    }

    @BeforeEach
    void connect() throws Exception {
        root = baseUrl.toURI().resolve("/");
        tracker = new Tracker(root);
        warehouse = new WarehouseRows(Path.of(System.getProperty("d8a.it.dir"), "warehouse"),
                Pipeline.ofTestServer(root));
    }

    @Test
    void anOversizeHeadIsRefusedByUndertowAndTheServerStaysHealthy() throws Exception {
        String answer = exchange("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "a".repeat(MAX_HEADER_SIZE + 1) + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 431") || answer.startsWith("HTTP/1.1 400"), statusLine(answer));

        StringBuilder manyHeaders = new StringBuilder("GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 150; i++) {
            manyHeaders.append("X-Header-").append(i).append(": ").append(i).append("\r\n");
        }
        String many = exchange(manyHeaders.append("\r\n").toString());
        assertTrue(many.startsWith("HTTP/1.1 431") || many.startsWith("HTTP/1.1 400"), statusLine(many));

        assertEquals(200, healthz().statusCode());
        String client = "limits-head-" + UUID.randomUUID();
        assertEquals(204, tracker.pageView(client, "https://example.com/after-oversize-head").statusCode());
        warehouse.await(WarehouseRows.ofClients(client), 1, ROWS_TIMEOUT);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndNothingOfItIsKept() throws Exception {
        String client = "limits-body-" + UUID.randomUUID();
        String query = "v=2&tid=G-IT&cid=" + client;
        String line = "en=page_view&dl=https%3A%2F%2Fexample.com%2Foversize&ep.pad=";
        String body = line + "x".repeat(MAX_BODY_BYTES - line.length() + 1);
        HttpResponse<String> refused = tracker.post(query, body);
        assertEquals(413, refused.statusCode(), refused.body());
        assertEquals("request body exceeds " + MAX_BODY_BYTES + " bytes", refused.body());

        // beyond max-post-size Undertow's parser refuses the declared length before anything is read
        String beyond = exchange("POST /g/collect?" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: " + (MAX_POST_SIZE + 1) + "\r\n\r\nen=page_view");
        assertTrue(beyond.startsWith("HTTP/1.1 400") || beyond.startsWith("HTTP/1.1 413"), statusLine(beyond));

        assertEquals(200, healthz().statusCode());
        assertKeptAlone(client, query);
    }

    @Test
    void aBodyOfTooManyLinesIsRefusedWith413AndNothingOfItIsKept() throws Exception {
        String client = "limits-lines-" + UUID.randomUUID();
        String query = "v=2&tid=G-IT&cid=" + client;
        String body = "en=scroll&dl=https%3A%2F%2Fexample.com%2Flines\n".repeat(1001);
        HttpResponse<String> refused = tracker.post(query, body);
        assertEquals(413, refused.statusCode(), refused.body());
        assertEquals("request body has more than 1000 lines (receiver.max_body_lines)", refused.body());

        assertEquals(204, tracker.post(query, "en=scroll&dl=https%3A%2F%2Fexample.com%2Flines\n".repeat(1000))
                .statusCode(), "the limit itself is accepted");
        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 1000, ROWS_TIMEOUT);
        assertEquals(1000, rows.size(), "the refused request's 1001 events are not among them");
    }

    @Test
    void aClientSendingItsHeadSlowlyIsCutOffWhileOthersAreServed() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket(root.getHost(), root.getPort());
                socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            // a byte per round to every slow client, a head that never ends: only request-parse-timeout ends it
            await("the slow clients' connections closed by the server").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        assertEquals(200, healthz().statusCode(), "a normal client is served meanwhile");
                        return slow.stream().allMatch(HttpLimitsIT::trickleRefused);
                    });
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        String client = "limits-slow-" + UUID.randomUUID();
        assertEquals(204, tracker.pageView(client, "https://example.com/after-slow-clients").statusCode());
        warehouse.await(WarehouseRows.ofClients(client), 1, ROWS_TIMEOUT);
    }

    /**
     * Sends one more byte of a never-ending head; true once the server closed the connection (the write fails, or
     * the read ends: Undertow may first answer {@code 408}).
     */
    private static boolean trickleRefused(Socket socket) {
        try {
            socket.getOutputStream().write('a');
            socket.getOutputStream().flush();
            socket.setSoTimeout(1);
            try {
                return socket.getInputStream().read() >= -1;
            } catch (java.net.SocketTimeoutException quiet) {
                return false;
            }
        } catch (SocketException closed) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    /** A valid request of {@code client} is accepted, and its session holds its one event and nothing else. */
    private void assertKeptAlone(String client, String query) throws Exception {
        assertEquals(204, tracker.post(query, "en=page_view&dl=https%3A%2F%2Fexample.com%2Fvalid").statusCode());
        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 1, ROWS_TIMEOUT);
        assertEquals(List.of("https://example.com/valid"), rows.stream().map(row -> row.get("page_location"))
                .collect(Collectors.toList()));
    }

    private HttpResponse<String> healthz() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(root.resolve("/healthz")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Writes {@code request} on a connection of its own; returns what the server answered until it closed it. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException e) {
                // the server may answer and close before it read everything: the answer is still to be read
            }
            InputStream in = socket.getInputStream();
            byte[] head = new byte[512];
            int read = in.readNBytes(head, 0, 12);
            return new String(head, 0, Math.max(read, 0), StandardCharsets.ISO_8859_1);
        }
    }

    private static String statusLine(String answer) {
        return "answered: " + (answer.isEmpty() ? "(nothing, connection closed)" : answer);
    }
}
