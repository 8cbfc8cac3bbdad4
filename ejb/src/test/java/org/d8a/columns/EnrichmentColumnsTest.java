package org.d8a.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.d8a.catalog.ColumnCatalog;
import org.d8a.enrich.Enrichment;
import org.d8a.enrich.attribution.TrafficSource;
import org.d8a.enrich.device.Device;
import org.d8a.enrich.geo.GeoLocation;
import org.d8a.hits.Hit;
import org.d8a.properties.PropertySettings;
import org.junit.jupiter.api.Test;

/**
 * The enrichment columns with fixed providers (spec V35, V36): what each provider answers lands in its event columns,
 * the session copies follow the dominant-client rule, and the traffic source comes from the first event.
 */
class EnrichmentColumnsTest {

    private static final GeoLocation WROCLAW = new GeoLocation("Wroclaw", "Lower Silesia", "Poland", "Europe");
    private static final Device IPHONE = new Device("smartphone", "Apple", "iPhone", "iOS", "11.0", "Mobile Safari",
            "11.0");

    private static List<Map<String, Object>> write(Enrichment enrichment, Hit... hits) {
        return TestHits.write(ColumnCatalog.columnsFor(TestHits.PROPERTY, List.of(), enrichment), TestHits.PROPERTY,
                hits);
    }

    @Test
    void geoColumnsCarryTheLocationOfTheEventsAddress() {
        List<String> looked = new ArrayList<>();
        Enrichment enrichment = TestEnrichment.offline();
        Enrichment located = new Enrichment(enrichment.devices(), ip -> {
            looked.add(ip);
            return Optional.of(WROCLAW);
        }, enrichment.attribution(), enrichment.currencies());
        Hit hit = TestHits.h1();
        hit.setIp("80.68.239.25");

        Map<String, Object> row = write(located, hit).get(0);

        assertEquals("Wroclaw", row.get("geo_city"));
        assertEquals("Lower Silesia", row.get("geo_region"));
        assertEquals("Poland", row.get("geo_country"));
        assertEquals("Europe", row.get("geo_continent"));
        assertNull(row.get("geo_metro"));
        assertNull(row.get("geo_sub_continent"));
        assertEquals(List.of("80.68.239.25"), looked, "one lookup per event, with the address as stored");
    }

    @Test
    void geoColumnsAreNullWhenNoDatabaseIsAvailable() {
        Map<String, Object> row = write(TestEnrichment.offline(), TestHits.h1()).get(0);

        for (String column : List.of("geo_city", "geo_region", "geo_metro", "geo_country", "geo_continent",
                "geo_sub_continent", "session_geo_city", "session_geo_country")) {
            assertNull(row.get(column), column);
        }
    }

    @Test
    void deviceColumnsCarryWhatTheDetectorFoundOnce() {
        List<String> agents = new ArrayList<>();
        Enrichment offline = TestEnrichment.offline();
        Enrichment detecting = new Enrichment(headers -> {
            agents.add(headers.userAgent());
            return IPHONE;
        }, offline.geo(), offline.attribution(), offline.currencies());

        Map<String, Object> row = write(detecting, TestHits.h1()).get(0);

        assertEquals("smartphone", row.get("device_category"));
        assertEquals("Apple", row.get("device_mobile_brand_name"));
        assertEquals("iPhone", row.get("device_mobile_model_name"));
        assertEquals("iOS", row.get("device_operating_system"));
        assertEquals("11.0", row.get("device_operating_system_version"));
        assertEquals("Mobile Safari", row.get("device_web_browser"));
        assertEquals("11.0", row.get("device_web_browser_version"));
        assertEquals(List.of("Mozilla/5.0 (X11; Linux x86_64)"), agents, "one detection per event, from its UA");
    }

    @Test
    void sessionCopiesAreTheDominantClientsFirstEvent() {
        Enrichment byClient = new Enrichment(headers -> headers.userAgent().contains("iPhone") ? IPHONE
                : new Device("desktop", null, null, "GNU/Linux", null, "Chrome", "141.0"),
                ip -> Optional.of(new GeoLocation("Paris", "Ile-de-France", "France", "Europe")),
                TestEnrichment.offline().attribution(), TestEnrichment.offline().currencies());
        Hit a = client(TestHits.h1(), "client-a", "Mozilla/5.0 (X11; Linux x86_64) Chrome/141.0.0.0", "en-us",
                "1024x768");
        Hit b1 = client(TestHits.h2(), "client-b", "Mozilla/5.0 (iPhone; CPU iPhone OS 11_0 like Mac OS X)", "de-de",
                "390x844");
        Hit b2 = client(TestHits.h3(), "client-b", "Mozilla/5.0 (X11; Linux x86_64) Chrome/141.0.0.0", "es-es",
                "2560x1440");

        List<Map<String, Object>> rows = write(byClient, a, b1, b2);

        for (Map<String, Object> row : rows) {
            assertEquals("smartphone", row.get("session_device_category"));
            assertEquals("de-de", row.get("session_device_language"));
            assertEquals("390x844", row.get("session_device_screen_resolution"));
            assertEquals("iOS", row.get("session_device_operating_system"));
            assertEquals("Apple", row.get("session_device_mobile_brand_name"));
            assertEquals("Mobile Safari", row.get("session_device_web_browser"));
            assertEquals("Paris", row.get("session_geo_city"));
            assertEquals("Ile-de-France", row.get("session_geo_region"));
            assertEquals("France", row.get("session_geo_country"));
            assertEquals("Europe", row.get("session_geo_continent"));
            assertNull(row.get("session_geo_metro"));
            assertNull(row.get("session_geo_sub_continent"));
        }
        assertEquals("desktop", rows.get(0).get("device_category"), "the event keeps its own device");
    }

    @Test
    void sessionCopyIsNullWhenTheDominantClientsFirstEventLacksTheValue() {
        Hit hit = client(TestHits.h1(), "client-a", "Mozilla/5.0 (iPhone; CPU iPhone OS 11_0 like Mac OS X)",
                "it-it", "");
        hit.getQueryParams().remove("sr");

        Map<String, Object> row = write(TestEnrichment.detecting(IPHONE), hit).get(0);

        assertNull(row.get("session_device_screen_resolution"));
        assertEquals("Mobile Safari", row.get("session_device_web_browser"));
        assertEquals("it-it", row.get("session_device_language"));
    }

    @Test
    void trafficSourceIsAttributedFromTheFirstEventsOriginalUrlAndReferrer() {
        List<String> inputs = new ArrayList<>();
        Enrichment offline = TestEnrichment.offline();
        Enrichment attributing = new Enrichment(offline.devices(), offline.geo(), (page, referrer, ignore) -> {
            inputs.add(page + " | " + referrer + " | " + ignore);
            return new TrafficSource("google", "organic", "shoes");
        }, offline.currencies());
        Hit first = TestHits.h1();
        TestHits.put(first, "dl", "https://shop.example/?utm_campaign=x", "dr", "https://www.google.com/", "ir", "1");

        List<Map<String, Object>> rows = write(attributing, first, TestHits.h3());

        for (Map<String, Object> row : rows) {
            assertEquals("google", row.get("session_source"));
            assertEquals("organic", row.get("session_medium"));
            assertEquals("shoes", row.get("session_term"));
        }
        assertEquals(List.of("https://shop.example/?utm_campaign=x | https://www.google.com/ | true"), inputs,
                "attributed once per session, from the first event");
    }

    @Test
    void attributionUsesTheFirstEventEvenWhenItIsNoPageViewAndTheUrlAsSent() {
        PropertySettings property = new PropertySettings("p", "P", "-", "ga4", Duration.ofMinutes(30),
                List.of("utm_source"));
        Hit scroll = TestHits.pageView("scroll", 0, "https://shop.example/?utm_source=Mail%20Out&utm_medium=email",
                "Shop");
        Hit view = TestHits.pageView("page_view", 5, "https://shop.example/?utm_source=later", "Shop");

        List<Map<String, Object>> rows = TestHits.write(property, scroll, view);

        for (Map<String, Object> row : rows) {
            assertEquals("mail-out", row.get("session_source"), "the first event, before exclusion, normalised");
            assertEquals("email", row.get("session_medium"));
            assertEquals("", row.get("session_term"));
            assertEquals("later", row.get("session_utm_source"), "session_utm_* come from the first page_view");
        }
        assertEquals("https://shop.example/?utm_medium=email", rows.get(0).get("page_location"));
    }

    @Test
    void searchEngineReferrerGivesOrganicWithItsTerm() {
        Hit hit = TestHits.pageView("page_view", 0, "https://shop.example/", "Shop");
        TestHits.put(hit, "dr", "https://www.google.com/search?q=red+shoes");

        Map<String, Object> row = TestHits.write(TestHits.PROPERTY, hit).get(0);

        assertEquals("google", row.get("session_source"));
        assertEquals("organic", row.get("session_medium"));
        assertEquals("red-shoes", row.get("session_term"), "normalised like source and medium (§3.3)");
    }

    private static Hit client(Hit hit, String clientId, String userAgent, String language, String resolution) {
        hit.setClientId(clientId);
        hit.setAuthoritativeClientId(clientId);
        hit.getHeaders().put("user-agent", List.of(userAgent));
        TestHits.put(hit, "cid", clientId, "ul", language, "sr", resolution);
        return hit;
    }
}
