package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.d8a.hits.Isolation;
import org.d8a.queue.Partitions;
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
 * The session engine against the running server (spec/pipeline.md §8.2): joining by session stamp and user id,
 * splitting on a campaign change, closing on data time while the queue has a backlog, the client address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionEngineIT {

    private static final Duration ROWS_TIMEOUT = Duration.ofSeconds(60);
    private static final int BACKLOG_FILLERS = 400;
    /** The backlog property's 6 s timeout, the wheel's 2 s, and a second more: every hit sent is overdue by then. */
    private static final long PAST_THE_TIMEOUT_MILLIS = 9_000;

    @ArquillianResource
    @OperateOnDeployment("d8a")
    URL baseUrl;

    private Tracker tracker;
    private Pipeline pipeline;
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
        pipeline = Pipeline.ofTestServer(root);
        warehouse = new WarehouseRows(Path.of(System.getProperty("d8a.it.dir"), "warehouse"), pipeline);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID();
    }

    private static String hit(String clientId, String event, String page, String... more) {
        return "v=2&tid=G-IT&en=" + event + "&cid=" + Tracker.encode(clientId) + "&dl=" + Tracker.encode(page)
                + (more.length == 0 ? "" : "&" + String.join("&", more));
    }

    private static Map<String, String> rowOf(List<Map<String, String>> rows, String clientId) {
        return rows.stream().filter(row -> row.get("client_id").equals(clientId)).findFirst().orElseThrow();
    }

    /** Item 1 of §8.2: client-1 and client-3 share a forced session stamp, client-2 is alone. */
    @Test
    void threeHitFlowJoinsTheClientsThatShareAStamp() throws Exception {
        String stamp = unique("stamp");
        String client1 = unique("client-1");
        String client2 = unique("client-2");
        String client3 = unique("client-3");
        assertEquals(204, tracker.get(hit(client1, "page_view", "https://example.com/a", "fss=" + stamp))
                .statusCode());
        assertEquals(204, tracker.get(hit(client2, "scroll", "https://example.com/a")).statusCode());
        assertEquals(204, tracker.get(hit(client3, "page_view", "https://example.com/b", "fss=" + stamp))
                .statusCode());

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client1, client2, client3), 3,
                ROWS_TIMEOUT);
        assertEquals(3, rows.size(), "three event rows: " + rows);
        Map<String, String> first = rowOf(rows, client1);
        Map<String, String> joined = rowOf(rows, client3);
        Map<String, String> alone = rowOf(rows, client2);
        assertEquals(first.get("session_id"), joined.get("session_id"));
        assertEquals(first.get("id"), first.get("session_id"), "the session's id is its first event's");
        assertEquals(client3, joined.get("client_id"), "the joined event keeps its own client id");
        assertEquals(client1, joined.get("session_client_id"));
        assertEquals("2", joined.get("session_total_events"));
        assertNotEquals(first.get("session_id"), alone.get("session_id"));
        assertEquals("1", alone.get("session_total_events"));
    }

    @Test
    void aUserIdJoinsClientsOfDifferentBrowsers() throws Exception {
        String user = unique("user");
        String phone = unique("phone");
        String laptop = unique("laptop");
        assertEquals(204, tracker.get(hit(phone, "page_view", "https://example.com/a", "uid=" + user)).statusCode());
        assertEquals(204, tracker.get(hit(laptop, "page_view", "https://example.com/b", "uid=" + user))
                .statusCode());

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(phone, laptop), 2, ROWS_TIMEOUT);
        assertEquals(1, rows.stream().map(row -> row.get("session_id")).distinct().count(), rows.toString());
        assertEquals(user, rowOf(rows, laptop).get("user_id"));
    }

    @Test
    void aCampaignChangeInALiveSessionStartsASecondSession() throws Exception {
        String client = unique("campaigns");
        assertEquals(204, tracker.get(hit(client, "page_view", "https://example.com/?utm_campaign=spring"))
                .statusCode());
        assertEquals(204, tracker.get(hit(client, "page_view", "https://example.com/next")).statusCode());
        assertEquals(204, tracker.get(hit(client, "page_view", "https://example.com/?utm_campaign=summer"))
                .statusCode());

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 3, ROWS_TIMEOUT);
        List<String> sessions = rows.stream().map(row -> row.get("session_id")).distinct().toList();
        assertEquals(2, sessions.size(), rows.toString());
        Map<String, String> summer = rows.stream().filter(row -> row.get("utm_campaign").equals("summer"))
                .findFirst().orElseThrow();
        assertEquals("utm_campaign_changed", summer.get("session_split_cause"));
        assertEquals(summer.get("id"), summer.get("session_id"));
        rows.stream().filter(row -> row != summer).forEach(row -> {
            assertEquals("", row.get("session_split_cause"));
            assertEquals("2", row.get("session_total_events"));
        });
    }

    /**
     * Decision 4, sessions close on data time. Two hits of one client, a second or so apart (timeout 6 s), wait in the
     * paused queue for longer than the timeout, with hundreds of other clients' hits of the same partition between
     * them. Once processing resumes, the partition's consumer takes more than a tick to reach the second hit: a
     * watermark on the wall clock would close the first hit's session meanwhile (its hit is older than the timeout by
     * then) and the second hit would start another; on data time the session stays whole.
     */
    @Test
    void aBacklogLongerThanTheTimeoutDoesNotCutTheSession() throws Exception {
        String client = unique("backlog");
        List<String> sameGroup = clientsOfPartition(partitionOf(client), true, BACKLOG_FILLERS);
        hitsQueue("pause");
        try {
            sendBacklog(client, sameGroup);
            assertEquals(List.of(), warehouse.matching(WarehouseRows.ofClients(client)));
        } finally {
            hitsQueue("resume");
        }
        assertOneSessionOfTwoHits(client);
        warehouse.await(WarehouseRows.ofClients(sameGroup.toArray(String[]::new)), BACKLOG_FILLERS, ROWS_TIMEOUT);
    }

    /**
     * Decision 4, per partition: while one partition works through a backlog, other partitions' newer hits must not
     * close its sessions. As above, two hits of one client wait behind hundreds of hits of their partition; hits of
     * other partitions, received seconds later (past the first hit's timeout), wait in the queue too. Those are
     * processed at once by the other consumers; a watermark taken over all partitions would then pass the first hit's
     * timeout before its partition reaches the second hit.
     */
    @Test
    void newerHitsOfOtherPartitionsDoNotCloseALaggingPartitionsSession() throws Exception {
        String client = unique("lagging");
        String partition = partitionOf(client);
        List<String> sameGroup = clientsOfPartition(partition, true, BACKLOG_FILLERS);
        List<String> otherGroups = clientsOfPartition(partition, false, 32);
        hitsQueue("pause");
        try {
            sendBacklog(client, sameGroup);
            sendAll(otherGroups, "https://example.com/later");
        } finally {
            hitsQueue("resume");
        }
        assertOneSessionOfTwoHits(client);
        warehouse.await(WarehouseRows.ofClients(otherGroups.toArray(String[]::new)), otherGroups.size(),
                ROWS_TIMEOUT);
    }

    /** {@code count} new clients of the backlog property whose partition is (or, with {@code same} false, is not) it. */
    private static List<String> clientsOfPartition(String partition, boolean same, int count) {
        List<String> clients = new ArrayList<>();
        while (clients.size() < count) {
            String other = unique("backlog-other");
            if (partitionOf(other).equals(partition) == same) {
                clients.add(other);
            }
        }
        return clients;
    }

    /** Two hits of {@code client} with {@code between} sent between them, then waits until all are overdue. */
    private void sendBacklog(String client, List<String> between) throws Exception {
        long first = System.currentTimeMillis();
        assertEquals(204, backlogHit(client, "https://example.com/first").statusCode());
        sendAll(between, "https://example.com/between");
        assertEquals(204, backlogHit(client, "https://example.com/second").statusCode());
        waitUntil(first + PAST_THE_TIMEOUT_MILLIS);
    }

    private void assertOneSessionOfTwoHits(String client) throws Exception {
        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 2, ROWS_TIMEOUT);
        assertEquals(1, rows.stream().map(row -> row.get("session_id")).distinct().count(), "one session, not: "
                + rows.stream().map(row -> row.get("timestamp_utc") + " in " + row.get("session_id")).toList());
        rows.forEach(row -> assertEquals("2", row.get("session_total_events")));
    }

    private void sendAll(List<String> clients, String page) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (String other : clients) {
                sent.add(senders.submit(() -> backlogHit(other, page).statusCode()));
            }
            for (Future<Integer> status : sent) {
                assertEquals(204, status.get());
            }
        } finally {
            senders.shutdown();
        }
    }

    /** A page view of the {@code backlog} property (session timeout 6 s). */
    private HttpResponse<String> backlogHit(String clientId, String page) throws Exception {
        return tracker.get("v=2&tid=G-BACKLOG&en=page_view&cid=" + Tracker.encode(clientId) + "&dl="
                + Tracker.encode(page));
    }

    /**
     * The one wait for time itself: the scenario needs the queued hits to be older than the timeout on the wall clock
     * while the queue is paused. Nothing in the pipeline moves meanwhile, so there is no condition to wait for.
     */
    private static void waitUntil(long wallMillis) throws InterruptedException {
        Thread.sleep(Math.max(0, wallMillis - System.currentTimeMillis()));
    }

    /** The queue partition (message group) of a client of the backlog property, as the receiver computes it. */
    private static String partitionOf(String clientId) {
        return Partitions.group(Isolation.isolatedClientId("backlog", clientId), 64);
    }

    /** Items 5-6 of §8.2: a trusted proxy names the client; a property with masking level 1 keeps a /24. */
    @Test
    void trustedProxyHeadersAndMaskingPerProperty() throws Exception {
        String proxied = unique("proxied");
        assertEquals(204, tracker.get(hit(proxied, "page_view", "https://example.com/"),
                Map.of("X-Forwarded-For", "  198.51.100.7 , 10.0.0.1")).statusCode());
        String masked = unique("masked");
        assertEquals(204, tracker.get(hit(masked, "page_view", "https://example.com/").replace("tid=G-IT",
                "tid=G-MASKED"), Map.of("X-Real-IP", "203.0.113.99", "X-Forwarded-For", "198.51.100.7"))
                .statusCode());

        Map<String, String> proxiedRow = warehouse.await(WarehouseRows.ofClients(proxied), 1, ROWS_TIMEOUT).get(0);
        assertEquals("198.51.100.7", proxiedRow.get("ip_address"));
        assertEquals("default", proxiedRow.get("property_id"));
        Map<String, String> maskedRow = warehouse.await(WarehouseRows.ofClients(masked), 1, ROWS_TIMEOUT).get(0);
        assertEquals("203.0.113.0", maskedRow.get("ip_address"));
        assertEquals("masked", maskedRow.get("property_id"));
        assertEquals("Masked property", maskedRow.get("property_name"));
    }

    /** Item 13 of §8.2 through the server: an exclude condition removes events, a test-mode one tags them. */
    @Test
    void trafficFiltersOfTheConfigurationApply() throws Exception {
        String excluded = unique("filtered-out");
        String tagged = unique("tagged");
        String plain = unique("plain");
        assertEquals(204, tracker.get(hit(excluded, "page_view", "https://example.com/", "uid=it-excluded-user"))
                .statusCode());
        assertEquals(204, tracker.get(hit(tagged, "page_view", "https://example.com/", "uid=it-tagged-1"))
                .statusCode());
        assertEquals(204, tracker.get(hit(plain, "page_view", "https://example.com/")).statusCode());

        Map<String, String> taggedRow = warehouse.await(WarehouseRows.ofClients(tagged), 1, ROWS_TIMEOUT).get(0);
        assertEquals("it-tagged", taggedRow.get("traffic_filter_name"));
        Map<String, String> plainRow = warehouse.await(WarehouseRows.ofClients(plain), 1, ROWS_TIMEOUT).get(0);
        assertEquals("", plainRow.get("traffic_filter_name"));
        // the excluded hit was accepted first: once the server has finished with every hit, its row would be there
        pipeline.awaitDrained(ROWS_TIMEOUT);
        assertEquals(List.of(), warehouse.matching(WarehouseRows.ofClients(excluded)));
    }

    /** A client that retries a request it got no answer for sends it again: its hit is stored once. */
    @Test
    void aRetriedRequestIsStoredOnce() throws Exception {
        String client = unique("retry");
        String request = hit(client, "page_view", "https://example.com/retried", "_s=1");
        assertEquals(204, tracker.get(request).statusCode());
        assertEquals(204, tracker.get(request).statusCode());
        assertEquals(204, tracker.get(hit(client, "page_view", "https://example.com/retried", "_s=2")).statusCode());

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 2, ROWS_TIMEOUT);
        assertEquals(2, rows.size(), rows.toString());
        rows.forEach(row -> assertEquals("2", row.get("session_total_events")));
    }

    /** Two identical lines of one request are two events; the same request sent again adds none. */
    @Test
    void identicalLinesOfOneRequestAreTwoEventsAndItsRetryAddsNone() throws Exception {
        String client = unique("twice");
        String query = "v=2&tid=G-IT&cid=" + Tracker.encode(client);
        String body = "en=scroll&dl=https%3A%2F%2Fexample.com%2Ftwice\nen=scroll&dl=https%3A%2F%2Fexample.com%2Ftwice";
        assertEquals(204, tracker.post(query, body).statusCode());
        assertEquals(204, tracker.post(query, body).statusCode());

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 2, ROWS_TIMEOUT);
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(2, rows.stream().map(row -> row.get("id")).distinct().count(), rows.toString());
    }

    /** Pauses or resumes delivery from the hits queue through the server's management CLI. */
    private static void hitsQueue(String operation) throws IOException, InterruptedException {
        Path cli = Path.of(System.getProperty("d8a.server.dir"), "bin", "jboss-cli.sh");
        Process process = new ProcessBuilder(Arrays.asList(cli.toString(), "--connect",
                "--command=/subsystem=messaging-activemq/server=default/jms-queue=hits:" + operation + "()"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jboss-cli " + operation + " failed: " + output);
        }
    }
}
