package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
 * The GA4 column catalog end to end: a rich gtag purchase (ecommerce items, params of both kinds, consent, UTM, click
 * ids) through the running server, its row read back from the CSV with the values spec/ga4-protocol-and-columns.md §2
 * gives; the columns endpoint; the d8a endpoint refusing a ga4 property.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Ga4ColumnsIT {

    private static final Duration ROWS_TIMEOUT = Duration.ofSeconds(60);

    @ArquillianResource
    @OperateOnDeployment("d8a")
    URL baseUrl;

    private URI root;
    private Tracker tracker;
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
        tracker = new Tracker(root);
        warehouse = new WarehouseRows(Path.of(System.getProperty("d8a.it.dir"), "warehouse"),
                Pipeline.ofTestServer(root));
    }

    private JsonArray columns(String propertyId) throws Exception {
        HttpResponse<String> response = http.send(AdminApi.as(AdminApi.ADMIN, root, "/properties/" + propertyId
                + "/columns").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    @Test
    void columnsEndpointDescribesEveryColumnAndRefusesUnknownProperties() throws Exception {
        JsonArray columns = columns("default");
        JsonObject first = columns.getJsonObject(0);
        assertEquals("id", first.getString("name"));
        assertEquals("utf8", first.getString("type"));
        assertEquals(false, first.getBoolean("nullable"));
        assertEquals("event", first.getString("scope"));
        assertEquals("core.d8a.tech/events/id", first.getString("interfaceId"));
        assertTrue(first.getString("description").length() > 10);
        JsonObject custom = columns.stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("plan_seats")).findFirst().orElseThrow();
        assertEquals("int64", custom.getString("type"));
        assertEquals("customcolumns.d8a.tech/event/plan_seats", custom.getString("interfaceId"));

        HttpResponse<String> unknown = http.send(AdminApi.as(AdminApi.ADMIN, root, "/properties/nope/columns")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
    }

    @Test
    void d8aEndpointRefusesHitsOfAGa4Property() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(root.resolve(
                "/d/c?v=2&tid=G-IT&en=page_view&cid=d8a-refused")).header("User-Agent", "d8a-it").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertEquals("property protocol ga4 does not match endpoint protocol d8a", response.body());
    }

    @Test
    void richGtagPurchaseIsWrittenWithEveryColumn() throws Exception {
        String client = "rich-" + UUID.randomUUID();
        String page = "https://shop.example.com/checkout?step=2&utm_source=newsletter&utm_medium=email"
                + "&utm_campaign=winter&gclid=CjwK123&fbclid=fb-9";
        String shared = "v=2&tid=G-IT&gtm=45je5580&_p=1746817938582&cid=" + Tracker.encode(client)
                + "&uid=user-7&ul=en-us&sr=1920x1080&sid=1746817858&sct=2&seg=1&gcs=G101&dl=" + Tracker.encode(page)
                + "&dt=" + Tracker.encode("Checkout") + "&dr=" + Tracker.encode("https://www.google.com/");
        String purchase = "en=purchase&_et=1200&ep.currency=EUR&ep.transaction_id=T-1001&epn.value=70.11"
                + "&epn.tax=1.5&epn.shipping=4.99&ep.coupon=WINTER&ep.plan=pro&epn.seats=12.7"
                + "&pr1=idSKU-1~nmShirt~brAcme~caApparel~pr10.01~qt3~k0color~v0red"
                + "&pr2=idSKU-2~nmHat~pr10.02~qt4~lnSummer";
        String scroll = "en=scroll&epn.percent_scrolled=90";

        HttpResponse<String> response = tracker.post(shared, purchase + "\n" + scroll);
        assertEquals(204, response.statusCode(), response.body());

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(client), 2, ROWS_TIMEOUT);

        List<String> expectedHeader = columns("default").stream()
                .map(c -> ((JsonObject) c).getString("name")).toList();
        assertEquals(expectedHeader, warehouse.header());
        assertEquals(255, expectedHeader.size(), "252 built-in columns of §2.13, user_properties, 2 custom");

        Map<String, String> row = rows.stream().filter(r -> r.get("name").equals("purchase")).findFirst()
                .orElseThrow();
        assertEquals("https://shop.example.com/checkout?step=2", row.get("page_location"));
        assertEquals("shop.example.com", row.get("page_hostname"));
        assertEquals("/checkout", row.get("page_path"));
        assertEquals("newsletter", row.get("utm_source"));
        assertEquals("winter", row.get("utm_campaign"));
        assertEquals("CjwK123", row.get("click_id_gclid"));
        assertEquals("fb-9", row.get("click_id_fbclid"));
        assertEquals("user-7", row.get("user_id"));
        assertEquals("G-IT", row.get("measurement_id"));
        assertEquals("ga4_gtag", row.get("tracking_protocol"));
        assertEquals("web", row.get("platform"));
        assertEquals("en-us", row.get("device_language"));
        assertEquals("1920x1080", row.get("device_screen_resolution"));
        assertEquals("1746817858", row.get("client_session_id"));
        assertEquals("2", row.get("client_session_number"));
        assertEquals("1200", row.get("params_engagement_time_ms"));
        assertEquals("false", row.get("privacy_ads_storage"));
        assertEquals("true", row.get("privacy_analytics_storage"));
        assertEquals("EUR", row.get("params_currency"));
        assertEquals("T-1001", row.get("params_transaction_id"));
        assertEquals("70.11", row.get("params_value"));
        assertEquals("70.11", row.get("ecommerce_purchase_revenue"));
        assertEquals("1.5", row.get("ecommerce_tax_value"));
        assertEquals("4.99", row.get("ecommerce_shipping_value"));
        assertEquals("2", row.get("ecommerce_unique_items"));
        assertEquals("7", row.get("ecommerce_items_total_quantity"));
        assertTrue(row.get("ecommerce_items").startsWith("[{\"affiliation\":null,\"coupon\":null,"), row.get(
                "ecommerce_items"));
        assertTrue(row.get("ecommerce_items").contains("\"item_brand\":\"Acme\""), row.get("ecommerce_items"));
        assertTrue(row.get("ecommerce_items").contains("\"item_list_name\":\"Summer\""), row.get("ecommerce_items"));
        assertTrue(row.get("params").contains("{\"name\":\"transaction_id\",\"value_number\":null,"
                + "\"value_string\":\"T-1001\"}"), row.get("params"));
        assertEquals("pro", row.get("params_plan"));
        assertEquals("12", row.get("plan_seats"));

        Map<String, String> scrolled = rows.stream().filter(r -> r.get("name").equals("scroll")).findFirst()
                .orElseThrow();
        assertEquals("90", scrolled.get("params_percent_scrolled"));
        assertEquals("0", scrolled.get("ecommerce_purchase_revenue"));
        for (Map<String, String> any : rows) {
            assertEquals("1", any.get("session_total_purchases"));
            assertEquals("true", any.get("session_returning_user"));
            assertEquals("true", any.get("session_is_engaged"));
            assertEquals("false", any.get("session_abandoned_cart"));
            assertEquals("", any.get("session_utm_campaign"), "no page_view in the session");
        }
    }
}
