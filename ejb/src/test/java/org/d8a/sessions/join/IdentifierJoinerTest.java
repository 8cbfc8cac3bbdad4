package org.d8a.sessions.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.d8a.properties.JoinRules;
import org.d8a.properties.PropertySettings;
import org.d8a.sessions.Isolation;
import org.d8a.sessions.filter.TrafficFilter;
import org.d8a.sessions.proto.IdentifierClaim;
import org.d8a.sessions.proto.IdentifierClaimRepository;
import org.d8a.sessions.split.SplitRules;
import org.junit.jupiter.api.Test;

/**
 * The identifier conflict table of spec/pipeline.md §3.6, on the joining rules alone; the claims live in a map here
 * (the integration tests run them on the real database).
 */
class IdentifierJoinerTest {

    private final Map<String, IdentifierClaim> claims = new HashMap<>();
    private final IdentifierJoiner joiner = new IdentifierJoiner();

    IdentifierJoinerTest() {
        joiner.claims = new IdentifierClaimRepository() {
            @Override
            public IdentifierClaim find(String identifier) {
                return claims.get(identifier);
            }

            @Override
            public void claim(IdentifierClaim claim) {
                claims.put(claim.getIdentifier(), claim);
            }
        };
    }

    private static PropertySettings property(String id, boolean byStamp, boolean byUserId) {
        return new PropertySettings(id, id, "-", "ga4", Duration.ofMinutes(30), List.of(), 0,
                new JoinRules(byStamp, byUserId), SplitRules.DEFAULTS, TrafficFilter.NONE);
    }

    private static Hit hit(String clientId, String propertyId, String userAgent, String userId, String fss) {
        Hit hit = TestHits.bare("page_view");
        hit.setClientId(clientId);
        hit.setAuthoritativeClientId(clientId);
        hit.setPropertyId(propertyId);
        hit.setUserId(userId);
        hit.getHeaders().put("User-Agent", List.of(userAgent));
        if (fss != null) {
            TestHits.put(hit, "fss", fss);
        }
        return hit;
    }

    @Test
    void sharedSessionStampJoinsTheLaterClientToTheFirst() {
        PropertySettings p = property("P", true, true);
        assertEquals("A", joiner.ownerOf(hit("A", "P", "ua-1", null, null), p));
        assertEquals("A", joiner.ownerOf(hit("B", "P", "ua-1", null, null), p));
        assertEquals("C", joiner.ownerOf(hit("C", "P", "ua-2", null, null), p), "other headers, other stamp");
    }

    @Test
    void sharedUserIdJoinsWithoutCommonStamps() {
        PropertySettings p = property("P", true, true);
        assertEquals("A", joiner.ownerOf(hit("A", "P", "ua-1", "U", null), p));
        assertEquals("A", joiner.ownerOf(hit("A", "P", "ua-1", "U", null), p));
        assertEquals("A", joiner.ownerOf(hit("B", "P", "ua-2", "U", null), p));
    }

    @Test
    void identifiersNeverJoinAcrossPropertiesOrUtcDays() {
        assertEquals("A", joiner.ownerOf(hit("A", "P1", "ua", null, "X"), property("P1", true, true)));
        assertEquals("B", joiner.ownerOf(hit("B", "P2", "ua", null, "X"), property("P2", true, true)));

        PropertySettings p = property("P", true, true);
        Hit monday = hit("M", "P", "ua-days", null, null);
        monday.setReceivedAtMillis(Instant.parse("2026-01-05T23:59:59Z").toEpochMilli());
        Hit tuesday = hit("T", "P", "ua-days", null, null);
        tuesday.setReceivedAtMillis(Instant.parse("2026-01-06T00:00:01Z").toEpochMilli());
        assertEquals("M", joiner.ownerOf(monday, p));
        assertEquals("T", joiner.ownerOf(tuesday, p));
    }

    @Test
    void disabledJoiningKeepsClientsApart() {
        PropertySettings p = property("P", false, false);
        assertEquals("A", joiner.ownerOf(hit("A", "P", "ua", "U", null), p));
        assertEquals("B", joiner.ownerOf(hit("B", "P", "ua", "U", null), p));
        assertEquals(Map.of(), claims);
    }

    @Test
    void newIdentifiersOfAJoiningHitAreClaimedForItsOwner() {
        PropertySettings p = property("P", true, true);
        joiner.ownerOf(hit("A", "P", "ua-a", "U", null), p);
        assertEquals("A", joiner.ownerOf(hit("B", "P", "ua-b", "U", null), p));
        String stampOfB = IdentifierJoiner.SESSION_STAMP + Isolation.sessionStamp(hit("B", "P", "ua-b", "U", null));
        assertEquals("A", claims.get(stampOfB).getOwnerClientId());
        assertEquals(Isolation.isolatedClientId("P", "A"), claims.get(stampOfB).getOwnerIsolatedId());
    }
}
