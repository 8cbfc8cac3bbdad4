package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The hit path end to end on the prepared WildFly: GA4 requests in, CSV rows out, with the test configuration's
 * session timeout of 2 s. Every test uses client ids of its own, so tests share the server and the file.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CollectIT {

    private static final Duration ROWS_TIMEOUT = Duration.ofSeconds(60);

    @ArquillianResource
    @OperateOnDeployment("d8a")
    URL baseUrl;

    private Tracker tracker;
    private WarehouseRows warehouse;

    @Deployment(name = "d8a", testable = false, order = 1)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("d8a.ear")));
    }

    @Deployment(name = "pipeline", testable = false, order = 2)
    static WebArchive pipelineProbe() {
        return Pipeline.probe();
    }

    @BeforeEach
    void connect() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        tracker = new Tracker(root);
        warehouse = new WarehouseRows(Path.of(System.getProperty("d8a.it.dir"), "warehouse"),
                Pipeline.ofTestServer(root));
    }

    @Test
    void healthzAnswersOk() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(baseUrl.toURI().resolve("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("OK", response.body());
    }

    /** Vector V04: a collect request without Origin gets the wildcard origin and no credentials header. */
    @Test
    void collectWithoutOriginAllowsAnyOrigin() throws Exception {
        HttpResponse<String> response = tracker.get("v=2&tid=G-TEST123&cid=" + unique("v04") + "&en=page_view");
        assertEquals(204, response.statusCode());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
    }

    /** Vector V05: preflights of both collect endpoints mirror the origin and the requested headers. */
    @Test
    void preflightsMirrorOriginAndRequestedHeaders() throws Exception {
        for (String path : List.of("/g/collect", "/d/c")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    baseUrl.toURI().resolve(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://example.test").header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type,x-requested-with").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, response.statusCode(), path);
            assertEquals("https://example.test", response.headers().firstValue("Access-Control-Allow-Origin")
                    .orElse(null), path);
            assertEquals("true", response.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
            assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")), path);
            String methods = response.headers().firstValue("Access-Control-Allow-Methods").orElse("");
            assertTrue(methods.contains("POST") && methods.contains("OPTIONS"), methods);
            assertEquals("content-type,x-requested-with", response.headers()
                    .firstValue("Access-Control-Allow-Headers").orElse(null), path);
        }
    }

    @Test
    void twoClientsMakeTwoSessions() throws Exception {
        String first = unique("a1");
        String second = unique("a2");
        assertEquals(204, tracker.pageView(first, "https://example.com/1").statusCode());
        assertEquals(204, tracker.pageView(second, "https://example.com/1").statusCode());
        assertEquals(204, tracker.pageView(first, "https://example.com/2").statusCode());
        assertEquals(204, tracker.pageView(second, "https://example.com/2").statusCode());
        assertEquals(204, tracker.pageView(second, "https://example.com/3").statusCode());

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(first, second), 5, ROWS_TIMEOUT);

        Map<String, List<Map<String, String>>> byClient = rows.stream()
                .collect(Collectors.groupingBy(row -> row.get("client_id")));
        assertEquals(2, byClient.get(first).size());
        assertEquals(3, byClient.get(second).size());
        String firstSession = singleSessionId(byClient.get(first));
        String secondSession = singleSessionId(byClient.get(second));
        assertNotEquals(firstSession, secondSession);
        byClient.get(first).forEach(row -> assertEquals("2", row.get("session_total_events")));
        byClient.get(second).forEach(row -> assertEquals("3", row.get("session_total_events")));
    }

    /**
     * A client id with a NUL character (cid=...%00...) is a client id like any other. PostgreSQL's text types refuse
     * NUL, so the store must keep such a value in a form it accepts: otherwise the append of its whole batch fails, again
     * on every redelivery, and holds up the other clients of its partition.
     */
    @Test
    void clientIdWithNulCharacterIsCollected() throws Exception {
        String client = unique("nul") + "\u0000tail";
        String neighbour = unique("nul-neighbour");
        assertEquals(204, tracker.pageView(client, "https://example.com/nul").statusCode());
        assertEquals(204, tracker.pageView(neighbour, "https://example.com/nul").statusCode());

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client, neighbour), 2, ROWS_TIMEOUT);

        assertEquals(1, rows.stream().filter(row -> client.equals(row.get("client_id"))).count());
        assertEquals(1, rows.stream().filter(row -> neighbour.equals(row.get("client_id"))).count());
    }

    @Test
    void hitsOfOneClientAreNumberedInReceiveOrder() throws Exception {
        String client = unique("b");
        for (int i = 0; i < 3; i++) {
            assertEquals(204, tracker.pageView(client, "https://example.com/page-" + i).statusCode());
        }

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 3, ROWS_TIMEOUT);

        assertEquals(1, rows.stream().map(row -> row.get("session_id")).distinct().count());
        for (Map<String, String> row : rows) {
            String page = row.get("page_location");
            String expectedNumber = page.substring(page.lastIndexOf('-') + 1);
            // spec/ga4-protocol-and-columns.md §2.5, vector V24: the hit number is 0-based.
            assertEquals(expectedNumber, row.get("session_hit_number"), "hit number of " + page);
            assertEquals("3", row.get("session_total_events"));
            assertEquals(client, row.get("client_id"));
            assertEquals("page_view", row.get("name"));
            assertEquals("Test page", row.get("page_title"));
            assertEquals("default", row.get("property_id"));
            assertEquals("Default property", row.get("property_name"));
        }
        Map<String, String> first = rows.stream().filter(r -> r.get("session_hit_number").equals("0")).findFirst()
                .orElseThrow();
        assertEquals(first.get("id"), first.get("session_id"));
        assertEquals(first.get("timestamp_utc"), first.get("session_first_event_time"));
        assertTrue(first.get("timestamp_utc").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                "timestamp in UTC with milliseconds: " + first.get("timestamp_utc"));
        assertEquals(first.get("timestamp_utc").substring(0, 10), first.get("date_utc"));
    }

    @Test
    void requestWithoutClientIdIsRejectedAndNeverWritten() throws Exception {
        String marker = unique("never-written");
        HttpResponse<String> rejected = tracker.get("v=2&tid=G-IT&en=page_view&dl=" + Tracker.encode(marker));
        assertEquals(400, rejected.statusCode());
        assertEquals("missing client id: the cid parameter is required", rejected.body());
        assertEquals("*", rejected.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        // A multi-line request with one bad line keeps none of its hits either.
        String partial = unique("partial");
        HttpResponse<String> mixed = tracker.post("v=2&tid=G-IT&cid=" + partial,
                "en=page_view&dl=" + Tracker.encode(marker) + "\nen=scroll&dl=%zz");
        assertEquals(400, mixed.statusCode());
        assertTrue(mixed.body().startsWith("body line 2: invalid URL escape"), mixed.body());

        // A later valid hit proves the pipeline has moved past the rejected requests.
        String witness = unique("witness");
        assertEquals(204, tracker.pageView(witness, "https://example.com/").statusCode());
        warehouse.await(WarehouseRows.ofClients(witness), 1, ROWS_TIMEOUT);

        assertEquals(List.of(), warehouse.matching(row -> row.get("page_location").equals(marker)
                || row.get("client_id").equals(partial)));
    }

    @Test
    void concurrentClientsKeepTheirHitsInOrder() throws Exception {
        int clients = 20;
        int hitsPerClient = 10;
        String prefix = unique("d");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String client = prefix + "-" + c;
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < hitsPerClient; i++) {
                        assertEquals(204, tracker.pageView(client, "https://example.com/step-" + i).statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdown();
        }

        List<Map<String, String>> rows = warehouse.await(row -> row.get("client_id").startsWith(prefix + "-"),
                clients * hitsPerClient, ROWS_TIMEOUT);

        Map<String, List<Map<String, String>>> byClient = rows.stream()
                .collect(Collectors.groupingBy(row -> row.get("client_id")));
        assertEquals(clients, byClient.size());
        for (Map.Entry<String, List<Map<String, String>>> client : byClient.entrySet()) {
            List<Map<String, String>> clientRows = client.getValue();
            assertEquals(hitsPerClient, clientRows.size(), "rows of " + client.getKey());
            singleSessionId(clientRows);
            for (Map<String, String> row : clientRows) {
                String page = row.get("page_location");
                assertEquals(page.substring(page.lastIndexOf('-') + 1), row.get("session_hit_number"),
                        "order of " + client.getKey());
                assertEquals(String.valueOf(hitsPerClient), row.get("session_total_events"));
            }
        }
        assertEquals(clients, rows.stream().map(row -> row.get("session_id")).distinct().count());
    }

    private static String singleSessionId(List<Map<String, String>> rows) {
        List<String> ids = rows.stream().map(row -> row.get("session_id")).distinct().toList();
        assertEquals(1, ids.size(), "one session expected, found " + ids);
        return ids.get(0);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID();
    }
}
