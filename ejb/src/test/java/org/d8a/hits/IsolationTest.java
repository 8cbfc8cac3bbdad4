package org.d8a.hits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import org.d8a.columns.TestHits;
import org.d8a.hits.ip.IpMasking;
import org.junit.jupiter.api.Test;

class IsolationTest {

    // Expected digests below were computed outside Java, with printf '%s' '<recipe string>' | sha256sum.

    @Test
    void isolatedClientIdIsTheSha256OfPropertyAndClient() {
        // GA-12345|client-1
        assertEquals("cf990e02f4db2fb3fda73dd9f8c6616c1c7970873e93cc827fe169445c740923",
                Isolation.isolatedClientId("GA-12345", "client-1"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Isolation.sha256Hex("abc"));
    }

    @Test
    void theSameClientIdOnTwoPropertiesGivesTwoIds() {
        // P1|client-1 and P2|client-1
        assertEquals("533092344c71b0d1a4f49180ddc3338a6c82453bf4d777f4cefff1c5451a8a8a",
                Isolation.isolatedClientId("P1", "client-1"));
        assertEquals("c336795a70846832dfbcc42f2a2a4bb16703e8fd2d50405bcdeed9fcf606b702",
                Isolation.isolatedClientId("P2", "client-1"));
    }

    @Test
    void userIdStampIsTheSha256OfPropertyAndUserId() {
        Hit hit = TestHits.bare("page_view");
        hit.setPropertyId("GA-12345");
        hit.setUserId("u-1");
        // GA-12345|u-1
        assertEquals("ff02707b0a4198dc9b49ce387ca12bb7de1f5d448747798f5330e38f9ec6a37c", Isolation.userIdStamp(hit));
    }

    @Test
    void forcedStampIgnoresHeadersAddressAndDate() {
        Hit hit = stampHit();
        hit.getHeaders().put("User-Agent", List.of("ua"));
        TestHits.put(hit, "fss", "client-stamp");
        // fss=client-stamp|GA-12345
        assertEquals("e9175af4a7f583cfe0a8ee925144aa0e94a5f952f1038323ffd799d6e6f8d89b", Isolation.sessionStamp(hit));
        hit.setReceivedAtMillis(Instant.parse("2026-01-08T10:00:00Z").toEpochMilli());
        hit.setIp("5.6.7.8");
        assertEquals("e9175af4a7f583cfe0a8ee925144aa0e94a5f952f1038323ffd799d6e6f8d89b", Isolation.sessionStamp(hit));
    }

    @Test
    void sessionStampFromMissingHeaders() {
        Hit hit = stampHit();
        hit.getHeaders().put("accept", List.of("a"));
        hit.getHeaders().put("User-Agent", List.of("ua", "second value ignored"));
        // a|||ua|||||||1.2.3.4|GA-12345|2026-01-07: header names match case-insensitively, missing ones are empty
        assertEquals("c9da96ea6f7d563cc1644c1da7f4c37a427a02b03de097dfcd8b71fd12b0f759", Isolation.sessionStamp(hit));
    }

    @Test
    void sessionStampFromTheTenHeadersMaskedAddressPropertyAndUtcDate() {
        Hit hit = stampHit();
        hit.setIp(new IpMasking(1).mask("203.0.113.99"));
        hit.setReceivedAtMillis(Instant.parse("2026-01-07T23:59:59.999Z").toEpochMilli());
        hit.getHeaders().put("Accept", List.of("text/html"));
        hit.getHeaders().put("Accept-Encoding", List.of("gzip, br"));
        hit.getHeaders().put("Accept-Language", List.of("en-US"));
        hit.getHeaders().put("User-Agent", List.of("Mozilla/5.0"));
        hit.getHeaders().put("Sec-CH-UA", List.of("\"Chromium\";v=\"124\""));
        hit.getHeaders().put("Sec-CH-UA-Mobile", List.of("?0"));
        hit.getHeaders().put("Sec-CH-UA-Platform", List.of("\"macOS\""));
        hit.getHeaders().put("Sec-CH-UA-Platform-Version", List.of("\"14.4.0\""));
        hit.getHeaders().put("Sec-CH-UA-Full-Version", List.of("124.0.6367.91"));
        hit.getHeaders().put("Referer", List.of("https://not-in-the-recipe.example/"));
        // text/html|gzip, br|en-US|Mozilla/5.0|"Chromium";v="124"|?0|"macOS"|"14.4.0"||124.0.6367.91|203.0.113.0|GA-12345|2026-01-07
        assertEquals("b7b2d8ab3bff99e5000e6249c2ff3ebf26d7130847394b1390e712e80e2a50cc", Isolation.sessionStamp(hit));
        hit.setReceivedAtMillis(Instant.parse("2026-01-08T00:00:00Z").toEpochMilli());
        assertNotEquals("b7b2d8ab3bff99e5000e6249c2ff3ebf26d7130847394b1390e712e80e2a50cc", Isolation.sessionStamp(hit),
                "the stamp rotates at UTC midnight");
    }

    /** A hit on GA-12345 from 1.2.3.4 on 2026-01-07 (UTC) without headers, as in the examples of §3.4. */
    private static Hit stampHit() {
        Hit hit = TestHits.bare("page_view");
        hit.setPropertyId("GA-12345");
        hit.setIp("1.2.3.4");
        hit.setReceivedAtMillis(Instant.parse("2026-01-07T10:00:00Z").toEpochMilli());
        hit.getHeaders().clear();
        return hit;
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
