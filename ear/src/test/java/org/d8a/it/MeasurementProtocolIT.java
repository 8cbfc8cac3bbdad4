package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Measurement Protocol through the running server: server events joining a browser's session, app events,
 * refused secrets, the validation server and the size limit. "Nothing kept" is shown by a valid event of the same
 * client sent afterwards: once its row is there and the pipeline has drained, a kept refused event would be too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeasurementProtocolIT {

    private static final Duration ROWS_TIMEOUT = Duration.ofSeconds(60);
    private static final String WEB = "measurement_id=G-IT&api_secret=it-secret-new";

    @ArquillianResource
    @OperateOnDeployment("d8a")
    URL baseUrl;

    private URI root;
    private WarehouseRows warehouse;
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
        warehouse = new WarehouseRows(Path.of(System.getProperty("d8a.it.dir"), "warehouse"),
                Pipeline.ofTestServer(root));
    }

    private HttpResponse<String> send(String path, String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(root.resolve(path + "?" + query))
                .header("Content-Type", "application/json").header("User-Agent", "backend/1.0")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String event(String clientId, String name, String params) {
        return "{\"client_id\": \"" + clientId + "\", \"events\": [{\"name\": \"" + name + "\", \"params\": "
                + params + "}]}";
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A valid purchase of {@code client}, sent now, is its only row once the pipeline has drained. */
    private void assertOnlyALaterValidEventIsKept(String client) throws Exception {
        assertEquals(204, send("/mp/collect", WEB, event(client, "purchase", "{}")).statusCode());
        assertEquals("purchase", warehouse.await(WarehouseRows.ofClients(client), 1, ROWS_TIMEOUT).get(0)
                .get("name"));
    }

    @Test
    void aServerPurchaseJoinsTheBrowsersSessionWithTheGtagColumns() throws Exception {
        String client = "mp-" + UUID.randomUUID();
        assertEquals(204, new Tracker(root).get("v=2&tid=G-IT&en=page_view&cid=" + client + "&sid=1746817858"
                + "&dl=" + Tracker.encode("https://shop.example/cart") + "&dt=Cart").statusCode());
        HttpResponse<String> purchase = send("/mp/collect", WEB, event(client, "purchase", """
                {"session_id": "1746817858", "engagement_time_msec": 300, "transaction_id": "T-77",
                 "currency": "EUR", "value": 30.5, "shipping": 2.5,
                 "items": [{"item_id": "SKU-1", "item_name": "Mug", "price": 10.25, "quantity": 2},
                           {"item_id": "SKU-2", "item_name": "Tea", "price": 10, "quantity": 1}]}"""));
        assertEquals(204, purchase.statusCode(), purchase.body());

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 2, ROWS_TIMEOUT);
        assertEquals(1, rows.stream().map(row -> row.get("session_id")).distinct().count(), "one session: " + rows);
        Map<String, String> row = rows.stream().filter(r -> r.get("name").equals("purchase")).findFirst()
                .orElseThrow();
        assertEquals("G-IT", row.get("measurement_id"));
        assertEquals("1746817858", row.get("client_session_id"));
        assertEquals("300", row.get("params_engagement_time_ms"));
        assertEquals("T-77", row.get("params_transaction_id"));
        assertEquals("EUR", row.get("params_currency"));
        assertEquals("30.5", row.get("params_value"));
        assertEquals("30.5", row.get("ecommerce_purchase_revenue"));
        assertEquals("2.5", row.get("ecommerce_shipping_value"));
        assertEquals("2", row.get("ecommerce_unique_items"));
        assertEquals("3", row.get("ecommerce_items_total_quantity"));
        assertTrue(row.get("ecommerce_items").contains("\"item_name\":\"Mug\""), row.get("ecommerce_items"));
        assertTrue(row.get("params").contains("{\"name\":\"transaction_id\",\"value_number\":null,"
                + "\"value_string\":\"T-77\"}"), row.get("params"));
        for (Map<String, String> any : rows) {
            assertEquals("1", any.get("session_total_purchases"));
            assertEquals("https://shop.example/cart", any.get("session_entry_page_location"));
        }
    }

    @Test
    void twoEqualServerEventsAreTwoEvents() throws Exception {
        String client = "mp-twice-" + UUID.randomUUID();
        String body = event(client, "purchase", "{\"transaction_id\": \"T-1\", \"value\": 5}");
        assertEquals(204, send("/mp/collect", WEB, body).statusCode());
        assertEquals(204, send("/mp/collect", WEB, body).statusCode());
        warehouse.await(WarehouseRows.ofClients(client), 2, ROWS_TIMEOUT);
    }

    @Test
    void anAppEventNamesTheInstance() throws Exception {
        String instance = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> response = send("/mp/collect", "firebase_app_id=" + Tracker.encode(
                "1:1234567890:android:it") + "&api_secret=it-secret-old", "{\"app_instance_id\": \"" + instance
                + "\", \"user_properties\": {\"tier\": {\"value\": \"gold\"}, \"seats\": {\"value\": 3}},"
                + " \"events\": [{\"name\": \"level_up\", \"params\": {\"level_name\": \"castle\"}}]}");
        assertEquals(204, response.statusCode(), response.body());
        assertEquals("", response.headers().firstValue("X-D8a-Refused").orElse(""));
        Map<String, String> row = warehouse.await(WarehouseRows.ofClients(instance), 1, ROWS_TIMEOUT).get(0);
        assertEquals("level_up", row.get("name"));
        assertEquals("default", row.get("property_id"));
        assertEquals("1:1234567890:android:it", row.get("measurement_id"));
        assertEquals("castle", row.get("params_level_name"));
        String userProperties = row.get("user_properties");
        assertTrue(userProperties.startsWith("[{\"name\":\"seats\",\"value_number\":3"), userProperties);
        assertTrue(userProperties.endsWith("{\"name\":\"tier\",\"value_number\":null,\"value_string\":\"gold\"}]"),
                userProperties);
        assertEquals("[]", row.get("params").contains("tier") ? "tier in params" : "[]", "user properties stay apart");
    }

    @Test
    void aBadSecretIsAnsweredLikeGoogleAndNothingIsKept() throws Exception {
        String client = "mp-secret-" + UUID.randomUUID();
        HttpResponse<String> refused = send("/mp/collect", "measurement_id=G-IT&api_secret=guessed",
                event(client, "refund", "{}"));
        assertEquals(204, refused.statusCode());
        assertEquals("api_secret is missing or is not a secret of this stream",
                refused.headers().firstValue("X-D8a-Refused").orElseThrow());
        assertOnlyALaterValidEventIsKept(client);
    }

    @Test
    void theValidationServerListsTheFindingsAndKeepsNothing() throws Exception {
        String client = "mp-debug-" + UUID.randomUUID();
        HttpResponse<String> invalid = send("/debug/mp/collect", WEB, event(client, "_badEventName",
                "{\"ga_x\": 1}"));
        assertEquals(200, invalid.statusCode());
        JsonObject answer = json(invalid.body());
        assertEquals(2, answer.getJsonArray("validationMessages").size(), invalid.body());
        JsonObject first = answer.getJsonArray("validationMessages").getJsonObject(0);
        assertEquals("events", first.getString("fieldPath"));
        assertEquals("NAME_INVALID", first.getString("validationCode"));
        assertTrue(first.getString("description").startsWith("Event at index: [0] has invalid name [_badEventName]"),
                first.getString("description"));
        assertEquals("NAME_RESERVED", answer.getJsonArray("validationMessages").getJsonObject(1)
                .getString("validationCode"));

        HttpResponse<String> valid = send("/debug/mp/collect", WEB, event(client, "refund", "{}"));
        assertEquals("{\"validationMessages\":[]}", valid.body());
        assertOnlyALaterValidEventIsKept(client);
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndOtherTrafficFlows() throws Exception {
        String client = "mp-large-" + UUID.randomUUID();
        String large = event(client, "purchase", "{\"note\": \"" + "x".repeat(140 * 1024) + "\"}");
        HttpResponse<String> refused = send("/mp/collect", WEB, large);
        assertEquals(413, refused.statusCode());
        assertTrue(refused.body().contains("133120 bytes"), refused.body());
        JsonObject debug = json(send("/debug/mp/collect", WEB, large).body());
        assertEquals("VALUE_OUT_OF_BOUNDS", debug.getJsonArray("validationMessages").getJsonObject(0)
                .getString("validationCode"));
        HttpResponse<String> malformed = send("/debug/mp/collect", WEB, "{\"client_id\": ");
        assertTrue(json(malformed.body()).getJsonArray("validationMessages").getJsonObject(0)
                .getString("description").startsWith("the body is not valid JSON"), malformed.body());
        assertOnlyALaterValidEventIsKept(client);
    }
}
