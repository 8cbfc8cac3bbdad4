package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Matomo site served beside the default GA4 property (issue 13): requests as Matomo's matomo.js sends them (a page
 * view GET, an ecommerce order POSTed as a form body, a content impression, a bulk POST of two visits), on
 * {@code /matomo.php} and on the configured {@code /piwik.php}; the rows read back from the files warehouse. Runs its
 * own server, as {@code matomo.tracking_endpoints} is deployment configuration.
 */
class MatomoIT {

    private static final Duration ROWS_TIMEOUT = Duration.ofSeconds(60);
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void matomoTrackerRequestsBecomeRowsOfTheMatomoCatalog() throws Exception {
        Path dir = Path.of(System.getProperty("d8a.it.dir"), "matomo-" + UUID.randomUUID());
        Path warehouseDir = dir.resolve("warehouse");
        Path config = dir.resolve("d8a.yaml");
        Files.createDirectories(dir);
        Files.writeString(config, """
                sessions:
                  timeout: 2s
                  join_by_session_stamp: false
                matomo:
                  tracking_endpoints: [piwik.php]
                warehouse:
                  files:
                    max_segment_age: 1s
                    filesystem:
                      path: %s
                properties:
                  - id: matomo-shop
                    name: Matomo shop
                    measurement_id: "7"
                    protocol: matomo
                    warehouse:
                      table: matomo_events
                """.formatted(warehouseDir), StandardCharsets.UTF_8);

        try (ServerProcess server = new ServerProcess(Path.of(System.getProperty("d8a.server.dir")),
                dir.resolve("base"), config, Path.of(System.getProperty("d8a.ear")))) {
            server.start();
            URI base = server.baseUri();
            WarehouseRows warehouse = new WarehouseRows(warehouseDir, server.pipeline(), "matomo_events");
            String visitor = random16();
            String page = "https://shop.example/products?utm_source=news&utm_medium=email&color=red";

            // trackPageView, as matomo.js sends it by GET
            assertEquals(204, get(base, "/matomo.php", "idsite=7&rec=1&r=482913&h=14&m=5&s=9"
                    + "&url=" + Tracker.encode(page) + "&action_name=" + Tracker.encode("Products")
                    + "&_id=" + visitor + "&_idn=0&_idts=1733140000&_idvc=3&_viewts=1733140000"
                    + "&urlref=" + Tracker.encode("https://www.google.com/") + "&send_image=0&cookie=1"
                    + "&res=1920x1080&pv_id=Ab12Cd&pf_net=0&pf_srv=12&token_auth=secret-token-1"
                    + "&uadata=%7B%7D&dimension1=gold", visitor).statusCode());
            // trackEcommerceOrder, POSTed as a form body
            String items = "[[\"SKU-1\",\"Running shoes\",\"Footwear\",49.9,1],[\"SKU-2\",\"Socks\",[\"Wear\","
                    + "\"Socks\"],5,2]]";
            assertEquals(204, post(base, "/matomo.php", "", "idsite=7&rec=1&r=1&idgoal=0&ec_id=ORD-1&revenue=59.9"
                    + "&ec_st=59.9&ec_sh=0&ec_tx=0&ec_dt=0&ec_items=" + Tracker.encode(items)
                    + "&url=" + Tracker.encode("https://shop.example/checkout") + "&_id=" + visitor
                    + "&pv_id=Ab12Cd", "application/x-www-form-urlencoded; charset=UTF-8", visitor).statusCode());
            // trackContentImpression, on the configured old path
            assertEquals(204, get(base, "/piwik.php", "idsite=7&rec=1&c_n=Hero&c_p=" + Tracker.encode("/banner.jpg")
                    + "&c_t=" + Tracker.encode("https://shop.example/sale") + "&url="
                    + Tracker.encode("https://shop.example/checkout") + "&_id=" + visitor, visitor).statusCode());
            // a bulk POST of two visits, as the tracker's queue or a log import sends it
            String first = random16();
            String second = random16();
            String bulk = "{\"requests\":[\"?idsite=7&rec=1&url=" + Tracker.encode("https://shop.example/")
                    + "&action_name=Home&_id=" + first + "\",\"?idsite=7&rec=1&e_c=Video&e_a=Play&e_n=Intro&url="
                    + Tracker.encode("https://shop.example/") + "&_id=" + first + "\",\"?idsite=7&rec=1&search=shoes"
                    + "&search_count=12&url=" + Tracker.encode("https://shop.example/search") + "&_id=" + second
                    + "\"],\"token_auth\":\"secret-token-2\"}";
            assertEquals(204, post(base, "/matomo.php", "", bulk, "application/json", "bulk").statusCode());

            // bad input: each refused whole, with a one-line reason
            String refused = random16();
            assertRefused(post(base, "/matomo.php", "", "{\"requests\":[\"?idsite=7&_id=" + refused
                    + "\",\"?idsite=7&_id=x&bad=%zz\"]}", "application/json", "bad"), "bulk request 1:");
            assertRefused(post(base, "/matomo.php", "", "{\"requests\":[\"?idsite=7&_id=" + refused + "\"",
                    "application/json", "bad"), "bulk body is not a JSON object");
            assertRefused(get(base, "/matomo.php", "idsite=999&_id=" + refused, "bad"), "unknown idsite 999");
            assertRefused(post(base, "/matomo.php", "idsite=7&_id=" + refused, "x=" + "a".repeat(140 * 1024),
                    "application/x-www-form-urlencoded", "bad"), "hit size");
            assertRefused(get(base, "/g/collect", "v=2&tid=7&cid=" + refused + "&en=page_view", "bad"),
                    "property protocol matomo does not match endpoint protocol ga4");

            List<Map<String, String>> rows = warehouse.await(WarehouseRows.ofClients(visitor, first, second), 6,
                    ROWS_TIMEOUT);
            assertEquals(List.of(), warehouse.matching(WarehouseRows.ofClients(refused)));
            assertFalse(rows.stream().flatMap(row -> row.values().stream()).anyMatch(v -> v.contains("secret")),
                    "token_auth is never written");

            List<String> header = warehouse.header();
            assertEquals(163, header.size(), "84 event, 11 session-scoped and 68 session columns (spec §2)");
            assertEquals(described(base, "matomo-shop"), header);
            assertEquals(List.of("tracking_protocol", "params_site_id", "params_page_view_id"),
                    header.subList(header.indexOf("tracking_protocol"), header.indexOf("tracking_protocol") + 3));

            Map<String, List<Map<String, String>>> byName = rows.stream()
                    .collect(Collectors.groupingBy(row -> row.get("name")));
            Map<String, String> view = byName.get("page_view").stream()
                    .filter(row -> row.get("client_id").equals(visitor)).findFirst().orElseThrow();
            assertEquals("matomo-shop", view.get("property_id"));
            assertEquals("7", view.get("params_site_id"));
            assertEquals("matomo", view.get("tracking_protocol"));
            assertEquals("Products", view.get("page_title"));
            assertEquals("https://shop.example/products?color=red", view.get("page_location"));
            assertEquals("shop.example", view.get("page_hostname"));
            assertEquals("/products", view.get("page_path"));
            assertEquals("news", view.get("utm_source"));
            assertEquals("https://www.google.com/", view.get("page_referrer"));
            assertEquals("1920x1080", view.get("device_screen_resolution"));
            assertEquals("Ab12Cd", view.get("params_page_view_id"));
            assertEquals("news", view.get("session_source"));
            assertEquals("email", view.get("session_medium"));
            assertEquals("true", view.get("session_returning_user"));
            assertEquals("1", view.get("session_total_purchases"));
            assertEquals("1", view.get("session_total_content_impressions"));
            assertEquals("3", view.get("session_total_events"));
            assertEquals("[{\"slot\":1,\"value\":\"gold\"}]", view.get("custom_dimensions"));

            Map<String, String> order = byName.get("ecommerce_order").get(0);
            assertEquals("ORD-1", order.get("ecommerce_order_id"));
            assertEquals("59.9", order.get("ecommerce_purchase_revenue"));
            assertEquals("3", order.get("ecommerce_items_total_quantity"));
            assertTrue(order.get("ecommerce_items").contains("\"sku\":\"SKU-2\""), order.get("ecommerce_items"));
            Map<String, String> impression = byName.get("content_impression").get(0);
            assertEquals("Hero", impression.get("params_content_name"));
            assertEquals("/banner.jpg", impression.get("params_content_piece"));

            Map<String, String> event = byName.get("custom_event").get(0);
            assertEquals(first, event.get("client_id"));
            assertEquals("Video", event.get("params_category"));
            assertEquals("Play", event.get("params_action"));
            assertEquals("2", event.get("session_total_events"));
            Map<String, String> search = byName.get("site_search").get(0);
            assertEquals(second, search.get("client_id"));
            assertEquals("12", search.get("params_search_count"));
            assertEquals("1", search.get("session_total_site_searches"));
            assertEquals(byName.get("custom_event").get(0).get("timestamp_utc"), search.get("timestamp_utc"),
                    "the hits of one bulk request share its receive time");
        }
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().startsWith(reason), response.body());
        assertFalse(response.body().contains("\n"), response.body());
        assertFalse(response.body().contains("secret"), response.body());
    }

    private HttpResponse<String> get(URI base, String path, String query, String browser) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path + "?" + query))
                .header("User-Agent", UA + " " + browser).header("Accept-Language", "de-DE,de;q=0.9")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI base, String path, String query, String body, String contentType,
            String browser) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path + (query.isEmpty() ? "" : "?" + query)))
                .header("User-Agent", UA + " " + browser).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<String> described(URI base, String property) throws Exception {
        String json = http.send(AdminApi.as(AdminApi.ADMIN, base, "/properties/" + property + "/columns").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().stream().map(column -> ((JsonObject) column).getString("name")).toList();
        }
    }

    /** A visitor id as matomo.js makes it: 16 hexadecimal digits. */
    private static String random16() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
