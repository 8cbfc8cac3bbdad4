package org.d8a.protocol.matomo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.d8a.hits.Hit;
import org.d8a.hits.HitRejectedException;
import org.d8a.hits.ParsedRequest;
import org.d8a.hits.QueryString;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.junit.jupiter.api.Test;

/** spec/matomo-protocol.md §1 and the vectors V01-V10 of §4 (protocol_test.go). */
class MatomoProtocolTest {

    private static final PropertyRegistry MATOMO_DEFAULT = new PropertyRegistry(property("default", "-", "matomo"));
    private static final long NOW = 1_735_693_200_000L;

    private static PropertySettings property(String id, String measurementId, String protocol) {
        return new PropertySettings(id, "Property " + id, measurementId, protocol, Duration.ofMinutes(30),
                PropertySettings.DEFAULT_EXCLUDED_URL_PARAMS);
    }

    private static List<Hit> hits(String method, String query, String body) throws HitRejectedException {
        return hits(MATOMO_DEFAULT, method, query, body);
    }

    private static List<Hit> hits(PropertyRegistry registry, String method, String query, String body)
            throws HitRejectedException {
        ParsedRequest request = new ParsedRequest("127.0.0.1", "example.com", "/matomo.php", method, NOW,
                QueryString.parseLenient(query), Map.of("User-Agent", List.of("test")), body);
        return new MatomoProtocol().createHits(request, registry);
    }

    private static Hit single(String query) throws HitRejectedException {
        List<Hit> hits = hits("POST", query, "");
        assertEquals(1, hits.size());
        return hits.get(0);
    }

    @Test
    void v01SingleGetIsAPageViewOfItsClient() throws HitRejectedException {
        List<Hit> hits = hits("GET", "idsite=1&_id=abc123", "");
        assertEquals(1, hits.size());
        assertEquals("page_view", hits.get(0).getEventName());
        assertEquals("abc123", hits.get(0).getClientId());
        assertEquals("abc123", hits.get(0).getAuthoritativeClientId());
        assertEquals("default", hits.get(0).getPropertyId());
    }

    @Test
    void v02ToV05EventNamesOfSingleRequests() throws HitRejectedException {
        assertEquals("custom_event", single("idsite=2&e_c=Videos&e_a=Play&_id=abc124").getEventName());
        assertEquals("site_search", single("idsite=3&search=golang&_id=abc125").getEventName());
        assertEquals("site_search", single("idsite=12&search=&e_c=Videos&e_a=Play&_id=abc133").getEventName());
        assertEquals("content_impression", single("idsite=13&c_n=Hero Banner&_id=abc134").getEventName());
        assertEquals("content_interaction", single("idsite=14&c_i=click&c_n=Hero Banner&_id=abc135")
                .getEventName());
        assertEquals("download", single("idsite=4&download=https://example.com/file.zip&_id=abc126")
                .getEventName());
        assertEquals("outlink", single("idsite=5&link=https://example.com&_id=abc127").getEventName());
    }

    @Test
    void eventNamesFollowTheSpecsOrderFirstMatchWins() throws HitRejectedException {
        assertEquals("ecommerce_order", single("idsite=1&idgoal=0&ec_id=A1&download=x").getEventName());
        assertEquals("goal_conversion", single("idsite=1&idgoal=0").getEventName());
        assertEquals("goal_conversion", single("idsite=1&idgoal=7&ma_id=v&ma_mt=video").getEventName());
        assertEquals("video_play", single("idsite=1&ma_id=v&ma_mt=video&download=x").getEventName());
        assertEquals("page_view", single("idsite=1&ma_id=a&ma_mt=audio").getEventName());
        assertEquals("page_view", single("idsite=1&ma_id=v&ma_mt=Video").getEventName());
        assertEquals("download", single("idsite=1&download=x&link=y").getEventName());
        assertEquals("site_search", single("idsite=1&search").getEventName());
        assertEquals("page_view", single("idsite=1&e_c=Videos&e_a=").getEventName());
        assertEquals("page_view", single("idsite=1&ping=1").getEventName());
    }

    @Test
    void v06BulkPostGivesOneHitPerRequestInOrderWithOneTimestamp() throws HitRejectedException {
        List<Hit> hits = hits("POST", null, "{\"requests\":[\"?idsite=6&_id=abc128\",\"?idsite=7&_id=abc129\"]}");
        assertEquals(List.of("page_view", "page_view"), hits.stream().map(Hit::getEventName).toList());
        assertEquals(List.of("abc128", "abc129"), hits.stream().map(Hit::getClientId).toList());
        assertEquals(List.of(NOW, NOW), hits.stream().map(Hit::getReceivedAtMillis).toList());
        assertEquals("6", hits.get(0).param("idsite"));
    }

    @Test
    void bulkIgnoresTheUrlQueryAndOtherMembersAndMatchesRequestsCaseInsensitively() throws HitRejectedException {
        List<Hit> hits = hits("POST", "idsite=99&uid=url-user",
                " {\"token_auth\":\"secret\",\"Requests\":[\" ?idsite=6&_id=a \",\"idsite=7&_id=b\"]} ");
        assertEquals(2, hits.size());
        assertEquals("", hits.get(0).param("uid"));
        assertEquals("a", hits.get(0).param("_id"));
        assertEquals("7", hits.get(1).param("idsite"));
        assertEquals(0, hits("POST", "idsite=1", "{\"requests\":[]}").size());
        assertEquals(0, hits("POST", "idsite=1", "{}").size());
    }

    @Test
    void aMalformedBulkBodyRejectsTheWholeRequest() {
        for (String body : List.of("{\"requests\":[\"?idsite=1\"", "{\"requests\":\"?idsite=1\"}",
                "{\"requests\":[\"?idsite=1\", 7]}", "{\"requests\":[\"?idsite=1\",\"?idsite=2;x=1\"]}",
                "{\"requests\":[\"?idsite=1\",\"?idsite=%zz\"]}", "{\"requests\":[\"?idsite=1\",\"?_id=x\"]}",
                "{\"requests\":[\"?idsite=1\"," + "[".repeat(5000) + "]".repeat(5000) + "]}")) {
            assertThrows(HitRejectedException.class, () -> hits("POST", null, body), body);
        }
    }

    @Test
    void v07AMissingClientIdIsAFreshUuidPerHitAndCidIsTheFallback() throws HitRejectedException {
        List<Hit> hits = hits("POST", null, "{\"requests\":[\"?idsite=8\",\"?idsite=8\"]}");
        UUID.fromString(hits.get(0).getClientId());
        assertNotEquals(hits.get(0).getClientId(), hits.get(1).getClientId());
        assertEquals("abcd1234abcd5678", single("idsite=11&cid=abcd1234abcd5678").getClientId());
        assertEquals("visitor", single("idsite=11&cid=forced&_id=visitor").getClientId());
    }

    @Test
    void v08AMissingIdsiteRejectsTheRequest() {
        HitRejectedException e = assertThrows(HitRejectedException.class, () -> hits("POST", "_id=abc130", ""));
        assertEquals("missing idsite: the idsite parameter is required", e.getMessage());
    }

    @Test
    void v09UserIdFromUidAndNullWithoutIt() throws HitRejectedException {
        Hit withUser = single("idsite=9&uid=user@example.com&_id=abc131");
        assertEquals("user@example.com", withUser.getUserId());
        assertEquals("page_view", withUser.getEventName());
        assertNull(single("idsite=10&_id=abc132").getUserId());
        assertNull(single("idsite=10&_id=abc132&uid=").getUserId());
    }

    @Test
    void v10TrackingEndpointsAreNormalised() {
        assertEquals(List.of("/matomo.php", "/piwik.php", "/track"),
                TrackingEndpoints.normalise(List.of("piwik.php", "/track", " ", "/matomo.php", "track")));
        assertEquals(List.of("/matomo.php"), TrackingEndpoints.normalise(List.of()));
    }

    @Test
    void aFormBodyIsReadWithTheUrlQueryWinning() throws HitRejectedException {
        Hit hit = hits("POST", "idsite=3", "idsite=4&rec=1&action_name=Home%20page&_id=abc").get(0);
        assertEquals("3", hit.param("idsite"));
        assertEquals("Home page", hit.param("action_name"));
        assertEquals("abc", hit.getClientId());
        assertEquals("3", hits("POST", null, "idsite=3&_id=abc").get(0).param("idsite"));
    }

    @Test
    void tokenAuthIsNeverKept() throws HitRejectedException {
        assertFalse(single("idsite=1&token_auth=secret").getQueryParams().containsKey("token_auth"));
        assertFalse(hits("POST", null, "idsite=1&token_auth=secret").get(0).getQueryParams()
                .containsKey("token_auth"));
        assertFalse(hits("POST", null, "{\"requests\":[\"?idsite=1&token_auth=secret\"],\"token_auth\":\"s\"}")
                .get(0).getQueryParams().containsKey("token_auth"));
    }

    @Test
    void idsiteResolvesLikeAMeasurementIdAndAnUnknownOneIsRefused() throws HitRejectedException {
        PropertySettings shop = property("shop", "5", "matomo");
        PropertyRegistry registry = new PropertyRegistry(property("default", "-", "ga4")) {
            @Override
            public PropertySettings byMeasurementId(String measurementId) {
                return measurementId.equals("5") ? shop : super.byMeasurementId(measurementId);
            }
        };
        assertEquals("shop", hits(registry, "GET", "idsite=5", "").get(0).getPropertyId());
        HitRejectedException e = assertThrows(HitRejectedException.class,
                () -> hits(registry, "GET", "idsite=6", ""));
        assertEquals("unknown idsite 6: no property has it as measurement_id", e.getMessage());
        assertTrue(hits("GET", "idsite=anything", "").get(0).getPropertyId().equals("default"));
    }
}
