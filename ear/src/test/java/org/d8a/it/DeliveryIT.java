package org.d8a.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery when the warehouse fails (issue: delivery that loses nothing): the files warehouse is made unwritable by
 * putting a plain file where its segment directory ({@code storage.spool_directory}/warehouse/files/spool) belongs;
 * sessions stay spooled, are retried with backoff, are quarantined after {@code storage.spool_max_failures} (5 in the test configuration) and delivered by the redeliver job.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliveryIT {

    private static final Duration ROWS_TIMEOUT = Duration.ofSeconds(60);

    @ArquillianResource
    @OperateOnDeployment("d8a")
    URL baseUrl;

    private URI root;
    private Tracker tracker;
    private Pipeline pipeline;
    private Path warehouseDir;
    private final FilesWarehouseOutage outage = new FilesWarehouseOutage();
    private Path stagingDir;
    private final HttpClient http = HttpClient.newHttpClient();

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
        root = baseUrl.toURI().resolve("/");
        tracker = new Tracker(root);
        pipeline = Pipeline.ofTestServer(root);
        warehouseDir = Path.of(System.getProperty("d8a.it.dir"), "warehouse");
        stagingDir = outage.stagingDir();
    }

    @AfterEach
    void restoreWarehouseIfBroken() throws IOException {
        outage.endIfOn();
    }

    private void breakWarehouse() throws IOException {
        outage.begin();
    }

    private void restoreWarehouse() throws IOException {
        outage.end();
    }

    private JsonObject spool() throws Exception {
        return SpoolEndpoint.read(root);
    }

    private WarehouseRows warehouse() {
        return new WarehouseRows(warehouseDir, pipeline);
    }

    private List<Map<String, String>> rowsOf(String client) throws IOException {
        return warehouse().matching(WarehouseRows.ofClients(client));
    }

    @Test
    void sessionsClosedDuringAnOutageAreDeliveredOnceWhenItEnds() throws Exception {
        String client = "outage-" + UUID.randomUUID();
        pipeline.awaitDrained(ROWS_TIMEOUT);
        double failedRows = PrometheusScrape.of(root).sum("d8a_rows_failed_total", "warehouse=\"files\"");
        breakWarehouse();
        for (int i = 0; i < 3; i++) {
            assertEquals(204, tracker.pageView(client, "https://example.com/outage-" + i).statusCode());
        }
        await("a failed delivery").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> spool().getJsonNumber("failing").longValue() > 0);
        JsonObject during = spool();
        assertTrue(during.getJsonNumber("failing").longValue() >= 1, "a delivery failed and waits: " + during);
        assertTrue(during.getString("last_error").contains(stagingDir.toString()),
                "the error names where the warehouse could not write: " + during);
        HealthEndpoint broken = HealthEndpoint.read(root, "/health/ready");
        assertEquals("DOWN", broken.status("d8a-warehouse"), "readiness shows the outage: " + broken);
        assertTrue(PrometheusScrape.of(root).sum("d8a_rows_failed_total", "warehouse=\"files\"") > failedRows,
                "the metrics count the rows the warehouse refused");
        assertTrue(broken.check("d8a-warehouse").orElseThrow().getJsonObject("data").getString("last_error")
                .contains(stagingDir.toString()), broken.toString());
        restoreWarehouse();

        warehouse().await(WarehouseRows.ofClients(client), 3, ROWS_TIMEOUT);
        await("the warehouse check up again").atMost(ROWS_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> HealthEndpoint.read(root, "/health/ready").status("d8a-warehouse").equals("UP"));
        List<Map<String, String>> rows = rowsOf(client);
        assertEquals(3, rows.size(), "every event once: " + rows);
        assertEquals(3, rows.stream().map(row -> row.get("id")).distinct().count());
    }

    @Test
    void repeatedFailuresQuarantineTheSessionUntilTheRedeliverJob() throws Exception {
        String client = "quarantine-" + UUID.randomUUID();
        // nothing else in flight: a session of another test must not be the one the outage quarantines
        pipeline.awaitDrained(ROWS_TIMEOUT);
        long quarantinedBefore = spool().getJsonNumber("quarantined").longValue();
        breakWarehouse();
        assertEquals(204, tracker.pageView(client, "https://example.com/quarantined").statusCode());
        await("a quarantined session").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> spool().getJsonNumber("quarantined").longValue() > quarantinedBefore);
        restoreWarehouse();
        // A session accepted after the warehouse is back is delivered by a deliver execution that runs after it, and
        // then nothing but the quarantined session is left anywhere: that execution passed it over.
        String witness = "quarantine-witness-" + UUID.randomUUID();
        assertEquals(204, tracker.pageView(witness, "https://example.com/witness").statusCode());
        warehouse().await(WarehouseRows.ofClients(witness), 1, ROWS_TIMEOUT);
        assertEquals(List.of(), rowsOf(client), "a quarantined session waits for the redeliver job");

        HttpResponse<String> redeliver = AdminApi.post(root, "/spool/redeliver");
        assertEquals(202, redeliver.statusCode(), redeliver.body());
        warehouse().await(WarehouseRows.ofClients(client), 1, ROWS_TIMEOUT);
        assertEquals(0, spool().getJsonNumber("quarantined").longValue());
        assertEquals(1, rowsOf(client).size());
    }

    @Test
    void anEventNoColumnCanWriteIsKeptAsideWithItsReason() throws Exception {
        long droppedBefore = spool().getJsonNumber("dropped").longValue();
        String client = "broken-" + UUID.randomUUID();
        // Go's URL parser rejects "%zz": page_path cannot be computed, so the event is broken (spec §2.3).
        assertEquals(204, tracker.get("v=2&tid=G-IT&en=page_view&cid=" + client
                + "&dl=https%3A%2F%2Fexample.com%2F%25zz").statusCode());
        await("the broken event kept aside").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> spool().getJsonNumber("dropped").longValue() != droppedBefore);
        // nothing of its session is still on its way to the warehouse
        pipeline.awaitDrained(ROWS_TIMEOUT);
        assertEquals(droppedBefore + 1, spool().getJsonNumber("dropped").longValue());
        assertEquals(List.of(), rowsOf(client));
    }
}
