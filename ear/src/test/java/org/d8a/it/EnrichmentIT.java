package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
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
 * Enrichment end to end: real browser headers (Chrome with client hints, iPhone Safari, Googlebot) from addresses the
 * test geo database knows, a search-engine referrer, a UTM campaign and a purchase in euros, through the running
 * server; the rows read back from the files warehouse carry device, geo, traffic source and USD values. The server
 * reads MaxMind's GeoIP2 City test database and a rates snapshot the build put in place (d8a-it.yaml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnrichmentIT {

    private static final Duration ROWS_TIMEOUT = Duration.ofSeconds(60);
    private static final String CHROME_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 11_0 like Mac OS X) "
            + "AppleWebKit/604.1.38 (KHTML, like Gecko) Version/11.0 Mobile/15A372 Safari/604.1";
    private static final String GOOGLEBOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; "
            + "+http://www.google.com/bot.html)";

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

    private void send(String query, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve("/g/collect?" + query))
                .timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, response.statusCode(), response.body());
    }

    private static String hit(String client, String event, String page, String referrer) {
        return "v=2&tid=G-IT&en=" + event + "&cid=" + Tracker.encode(client) + "&dl=" + Tracker.encode(page)
                + "&dt=Shop&dr=" + Tracker.encode(referrer);
    }

    @Test
    void rowsCarryDeviceGeoTrafficSourceAndUsdValues() throws Exception {
        String run = UUID.randomUUID().toString();
        String chrome = "chrome-" + run;
        String iphone = "iphone-" + run;
        String bot = "bot-" + run;
        send(hit(chrome, "page_view", "https://shop.example/shoes", "https://www.google.com/search?q=red+shoes"),
                Map.of("User-Agent", CHROME_UA,
                        "Sec-CH-UA", "\"Google Chrome\";v=\"131\", \"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"",
                        "Sec-CH-UA-Mobile", "?0", "Sec-CH-UA-Platform", "\"Windows\"",
                        "Sec-CH-UA-Platform-Version", "\"15.0.0\"", "X-Forwarded-For", "81.2.69.142"));
        send(hit(iphone, "page_view", "https://shop.example/?utm_source=Newsletter&utm_medium=E-Mail"
                + "&utm_campaign=winter", "") + "&ul=sv-se",
                Map.of("User-Agent", IPHONE_UA, "X-Forwarded-For", "89.160.20.112"));
        send(hit(iphone, "purchase", "https://shop.example/checkout", "https://shop.example/")
                        + "&cu=EUR&pr1=idSKU-1~nmShoe~pr10.00~qt3&epn.tax=2.00",
                Map.of("User-Agent", IPHONE_UA, "X-Forwarded-For", "89.160.20.112"));
        send(hit(bot, "page_view", "https://shop.example/", ""),
                Map.of("User-Agent", GOOGLEBOT_UA, "X-Forwarded-For", "10.1.2.3"));

        List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(chrome, iphone, bot), 4,
                ROWS_TIMEOUT);

        Map<String, String> desktop = only(rows, chrome, "page_view");
        assertEquals("desktop", desktop.get("device_category"));
        assertEquals("Windows", desktop.get("device_operating_system"));
        assertEquals("Chrome", desktop.get("device_web_browser"));
        assertEquals("London", desktop.get("geo_city"));
        assertEquals("England", desktop.get("geo_region"));
        assertEquals("United Kingdom", desktop.get("geo_country"));
        assertEquals("Europe", desktop.get("geo_continent"));
        assertEquals("", desktop.get("geo_metro"));
        assertEquals("google", desktop.get("session_source"));
        assertEquals("organic", desktop.get("session_medium"));
        assertEquals("red-shoes", desktop.get("session_term"));
        assertEquals("desktop", desktop.get("session_device_category"));
        assertEquals("London", desktop.get("session_geo_city"));

        Map<String, String> landing = only(rows, iphone, "page_view");
        Map<String, String> purchase = only(rows, iphone, "purchase");
        for (Map<String, String> row : List.of(landing, purchase)) {
            assertEquals("smartphone", row.get("device_category"));
            assertEquals("Apple", row.get("device_mobile_brand_name"));
            assertEquals("iPhone", row.get("device_mobile_model_name"));
            assertEquals("iOS", row.get("device_operating_system"));
            assertEquals("11.0", row.get("device_operating_system_version"));
            assertEquals("Mobile Safari", row.get("device_web_browser"));
            assertEquals("11.0", row.get("device_web_browser_version"));
            assertEquals("Linköping", row.get("geo_city"));
            assertEquals("Sweden", row.get("geo_country"));
            assertEquals("newsletter", row.get("session_source"), "utm_source overrides, normalised");
            assertEquals("e-mail", row.get("session_medium"));
            assertEquals("", row.get("session_term"));
            assertEquals("sv-se", row.get("session_device_language"));
        }
        assertEquals("30", purchase.get("ecommerce_purchase_revenue"));
        assertEquals("15", purchase.get("ecommerce_purchase_revenue_in_usd"), "cu=EUR at the snapshot's 0.5");
        assertEquals("1", purchase.get("ecommerce_tax_value_in_usd"));

        Map<String, String> crawler = only(rows, bot, "page_view");
        assertEquals("bot", crawler.get("device_category"));
        assertEquals("Googlebot", crawler.get("device_mobile_brand_name"));
        assertEquals("http://www.google.com/bot.html", crawler.get("device_mobile_model_name"));
        assertEquals("", crawler.get("geo_city"), "a private address: the database has no entry (§6.1)");
        assertEquals("direct", crawler.get("session_source"));
        assertEquals("none", crawler.get("session_medium"));
    }

    private static Map<String, String> only(List<Map<String, String>> rows, String client, String event) {
        List<Map<String, String>> matching = rows.stream()
                .filter(row -> row.get("client_id").equals(client) && row.get("name").equals(event)).toList();
        assertEquals(1, matching.size(), client + " " + event + ": " + rows);
        return matching.get(0);
    }
}
