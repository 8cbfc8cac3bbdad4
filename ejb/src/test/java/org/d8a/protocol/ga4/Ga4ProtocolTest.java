package org.d8a.protocol.ga4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.d8a.hits.Hit;
import org.d8a.hits.HitRejectedException;
import org.d8a.hits.HitValidator;
import org.d8a.hits.ParsedRequest;
import org.d8a.hits.QueryString;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.junit.jupiter.api.Test;

class Ga4ProtocolTest {

    private final PropertyRegistry properties = new PropertyRegistry(
            new PropertySettings("1234567890", "Test Property", "-", "ga4", Duration.ofMinutes(30), List.of()));
    private final Ga4Protocol protocol = new Ga4Protocol();

    private static ParsedRequest request(String query, String body) {
        return new ParsedRequest("127.0.0.1", "example.com", "/g/collect", "POST", 1_735_732_800_000L,
                QueryString.parseLenient(query), Map.of("User-Agent", List.of("test")), body);
    }

    @Test
    void blankBodyMakesOneHitFromTheUrl() throws Exception {
        List<Hit> hits = protocol.createHits(request("v=2&tid=G-1&cid=ag9&en=page_view&uid=", " \n "), properties);
        assertEquals(1, hits.size());
        Hit hit = hits.get(0);
        assertEquals("ag9", hit.getClientId());
        assertEquals("ag9", hit.getAuthoritativeClientId());
        assertEquals("1234567890", hit.getPropertyId());
        assertEquals("page_view", hit.getEventName());
        assertNull(hit.getUserId());
        assertEquals(1_735_732_800_000L, hit.getReceivedAtMillis());
    }

    @Test
    void eachBodyLineIsAHitWhoseKeysReplaceTheUrls() throws Exception {
        List<Hit> hits = protocol.createHits(request("v=2&tid=G-1&cid=ag9&en=page_view&dl=https://a/&x=1&x=2",
                "en=scroll&x=3\n\n  en=click&uid=u1  \n"), properties);
        assertEquals(2, hits.size());
        assertEquals("scroll", hits.get(0).getEventName());
        assertEquals(List.of("3"), hits.get(0).getQueryParams().get("x"));
        assertEquals("https://a/", hits.get(0).param("dl"));
        assertEquals("click", hits.get(1).getEventName());
        assertEquals(List.of("1", "2"), hits.get(1).getQueryParams().get("x"));
        assertEquals("u1", hits.get(1).getUserId());
    }

    @Test
    void missingIdentityRejectsTheRequestWithAReason() {
        assertEquals("missing client id: the cid parameter is required", assertThrows(HitRejectedException.class,
                () -> protocol.createHits(request("tid=G-1&en=page_view", ""), properties)).getMessage());
        assertEquals("missing measurement id: the tid parameter is required", assertThrows(HitRejectedException.class,
                () -> protocol.createHits(request("cid=1&en=page_view", ""), properties)).getMessage());
        assertEquals("missing event name: the en parameter is required", assertThrows(HitRejectedException.class,
                () -> protocol.createHits(request("cid=1&tid=G-1", "en=a\nx=1"), properties)).getMessage());
        assertEquals("body line 2: invalid semicolon separator in query", assertThrows(HitRejectedException.class,
                () -> protocol.createHits(request("cid=1&tid=G-1", "en=a\nen=b;c=d"), properties)).getMessage());
    }

    @Test
    void validationLimitsTheHitSize() throws Exception {
        String body = "en=page_view&dl=" + "x".repeat(1024);
        List<Hit> hits = protocol.createHits(request("tid=G-1&cid=1", body), properties);
        new HitValidator(properties, 3).validate(hits, body, "ga4");
        HitRejectedException tooBig = assertThrows(HitRejectedException.class,
                () -> new HitValidator(properties, 2).validate(hits, body, "ga4"));
        assertEquals(true, tooBig.getMessage().endsWith("exceeds the limit of 2048 bytes (receiver.max_hit_kbytes)"));
        assertEquals("property protocol ga4 does not match endpoint protocol d8a", assertThrows(
                HitRejectedException.class, () -> new HitValidator(properties, 128).validate(hits, body, "d8a"))
                .getMessage());
    }
}
