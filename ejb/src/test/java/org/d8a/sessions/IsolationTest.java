package org.d8a.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.junit.jupiter.api.Test;

class IsolationTest {

    @Test
    void isolatedClientIdIsTheSha256OfPropertyAndClient() {
        // sha256("GA-12345|client-1"), computed independently with sha256sum.
        assertEquals(Isolation.sha256Hex("GA-12345|client-1"), Isolation.isolatedClientId("GA-12345", "client-1"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Isolation.sha256Hex("abc"));
        assertNotEquals(Isolation.isolatedClientId("P1", "c"), Isolation.isolatedClientId("P2", "c"));
    }

    @Test
    void partitionIsStableAndInRange() {
        String id = Isolation.isolatedClientId("default", "c1");
        assertEquals(Isolation.partition(id, 64), Isolation.partition(id, 64));
        for (int i = 0; i < 500; i++) {
            int n = Integer.parseInt(Isolation.partition(Isolation.isolatedClientId("p", "c" + i), 64).substring(1));
            assertTrue(n >= 0 && n < 64);
        }
        assertEquals("p" + (0xba7816bfL % 64), Isolation.partition("ba7816bf8f01", 64));
    }

    @Test
    void sessionStampFollowsTheReferencesRecipe() {
        Hit hit = TestHits.bare("page_view");
        hit.setPropertyId("GA-12345");
        hit.setIp("1.2.3.4");
        hit.setReceivedAtMillis(Instant.parse("2026-01-07T10:00:00Z").toEpochMilli());
        hit.getHeaders().put("accept", List.of("a"));
        hit.getHeaders().put("User-Agent", List.of("ua"));
        assertEquals(Isolation.sha256Hex("a|||ua||||||" + "|1.2.3.4|GA-12345|2026-01-07"), Isolation.sessionStamp(hit));
        TestHits.put(hit, "fss", "client-stamp");
        assertEquals(Isolation.sha256Hex("fss=client-stamp|GA-12345"), Isolation.sessionStamp(hit));
        hit.setUserId("u-1");
        assertEquals(Isolation.sha256Hex("GA-12345|u-1"), Isolation.userIdStamp(hit));
    }

    @Test
    void fingerprintIsTheSameForARetryAndDiffersForAnotherHit() {
        Hit first = TestHits.put(TestHits.bare("page_view"), "_s", "1", "dl", "https://example.com/");
        Hit retry = TestHits.put(TestHits.bare("page_view"), "dl", "https://example.com/", "_s", "1");
        retry.setClientId(first.getClientId());
        retry.setReceivedAtMillis(first.getReceivedAtMillis() + 5_000);
        assertEquals(Isolation.fingerprint(first), Isolation.fingerprint(retry), "order and time do not matter");
        Hit next = TestHits.put(TestHits.bare("page_view"), "_s", "2", "dl", "https://example.com/");
        next.setClientId(first.getClientId());
        assertNotEquals(Isolation.fingerprint(first), Isolation.fingerprint(next));
        Hit otherClient = TestHits.put(TestHits.bare("page_view"), "_s", "1", "dl", "https://example.com/");
        assertNotEquals(Isolation.fingerprint(first), Isolation.fingerprint(otherClient));
    }
}
