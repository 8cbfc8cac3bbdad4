package org.d8a.protosessions.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.d8a.hits.Isolation;
import org.d8a.persistence.protosession.IdentifierClaim;
import org.d8a.properties.FilterRules;
import org.d8a.properties.JoinRules;
import org.d8a.properties.PropertySettings;
import org.d8a.properties.SplitRules;
import org.junit.jupiter.api.Test;

/**
 * The identifier conflict table of spec/pipeline.md §3.6, on the joining rules alone; the claims live in a map here
 * (the integration tests run them on the real database).
 */
class IdentifierJoinerTest {

    private final InMemoryClaims repository = new InMemoryClaims();
    private final Map<String, IdentifierClaim> claims = repository.all();
    private final IdentifierJoiner joiner = new IdentifierJoiner(repository);

    private static PropertySettings property(String id, boolean byStamp, boolean byUserId) {
        return new PropertySettings(id, id, "-", "ga4", Duration.ofMinutes(30), List.of(), 0,
                new JoinRules(byStamp, byUserId), SplitRules.DEFAULTS, FilterRules.NONE,
                PropertySettings.DEFAULT_TABLE);
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
    void row3TwoHitsOfAThenBAllWithUserUAreOneProtoSession() {
        PropertySettings p = property("P", true, true);
        List<Hit> hits = List.of(hit("A", "P", "ua-a", "U", null), hit("A", "P", "ua-a", "U", null),
                hit("B", "P", "ua-b", "U", null));
        List<String> owners = hits.stream().map(h -> joiner.ownerOf(h, p)).toList();
        assertEquals(List.of("A", "A", "A"), owners, "in arrival order, every hit joins A");
        assertEquals(List.of(Isolation.isolatedClientId("P", "A")), owners.stream()
                .map(owner -> Isolation.isolatedClientId("P", owner)).distinct().toList(), "one proto-session");
    }

    @Test
    void row6AClaimIsReleasedWhenItsOwnerClosesAndALaterClientThenOwnsIt() {
        PropertySettings p = property("P", true, true);
        assertEquals("A", joiner.ownerOf(hit("A", "P", "ua", "U", null), p));
        assertEquals("A", joiner.ownerOf(hit("B", "P", "ua", "U", null), p), "while A is open");
        repository.releaseOwnedBy(List.of(Isolation.isolatedClientId("P", "A")));
        assertEquals(Map.of(), claims, "A's close releases its stamp and its user id");
        assertEquals("B", joiner.ownerOf(hit("B", "P", "ua", "U", null), p));
        assertEquals("B", joiner.ownerOf(hit("A", "P", "ua", "U", null), p), "now A joins B");
    }

    @Test
    void aCloseReleasesOnlyTheClosingOwnersClaims() {
        PropertySettings p = property("P", true, true);
        joiner.ownerOf(hit("A", "P", "ua-a", "UA", null), p);
        joiner.ownerOf(hit("C", "P", "ua-c", "UC", null), p);
        repository.releaseOwnedBy(List.of(Isolation.isolatedClientId("P", "A")));
        assertEquals("C", joiner.ownerOf(hit("D", "P", "ua-c", null, null), p), "C's stamp is still C's");
        assertEquals("D", joiner.ownerOf(hit("D", "P", "ua-a", "UA", null), p), "A's identifiers are free");
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
