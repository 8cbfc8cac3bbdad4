package org.d8a.protosessions.close;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.delivery.ClosedSession;
import org.d8a.hits.Isolation;
import org.d8a.metrics.PipelineMetrics;
import org.d8a.persistence.protosession.IdentifierClaim;
import org.d8a.persistence.protosession.ProtoSession;
import org.d8a.persistence.protosession.ProtoSessionRepository;
import org.d8a.protosessions.join.InMemoryClaims;
import org.junit.jupiter.api.Test;

/**
 * Row 6 of the conflict table (spec/pipeline.md §3.6): closing a proto-session releases the identifiers it owns, and
 * only those. Storage is faked; the queries themselves (due selection, hit order, deletes) run in the integration tests.
 */
class SessionCloserTest {

    private final Map<String, ProtoSession> open = new LinkedHashMap<>();
    private final Map<String, List<String>> payloads = new LinkedHashMap<>();
    private final InMemoryClaims claims = new InMemoryClaims();
    private final Map<String, List<ClosedSession>> delivered = new LinkedHashMap<>();
    private final SessionCloser closer = new SessionCloser();

    SessionCloserTest() {
        closer.claims = claims;
        closer.metrics = PipelineMetrics.on(new SimpleMeterRegistry());
        closer.closedSessions = (property, sessions) -> delivered.computeIfAbsent(property, p -> new ArrayList<>())
                .addAll(sessions);
        closer.protoSessions = new ProtoSessionRepository() {
            @Override
            public List<ProtoSession> lockDue(List<String> ids, long bucket) {
                return open.values().stream()
                        .filter(p -> ids.contains(p.getIsolatedClientId()) && p.getExpiryBucket() <= bucket).toList();
            }

            @Override
            public Map<String, List<String>> hitPayloadsOf(List<String> ids) {
                Map<String, List<String>> result = new LinkedHashMap<>(payloads);
                result.keySet().retainAll(ids);
                return result;
            }

            @Override
            public void removeAll(List<ProtoSession> closed) {
                closed.forEach(p -> {
                    open.remove(p.getIsolatedClientId());
                    payloads.remove(p.getIsolatedClientId());
                });
            }
        };
    }

    /** An open proto-session of {@code clientId} on property P whose last hit was at {@code lastHitSecond}. */
    private String open(String clientId, long lastHitSecond, String... identifiers) {
        String id = Isolation.isolatedClientId("P", clientId);
        ProtoSession protoSession = new ProtoSession(id, "P", 0);
        protoSession.recordHit(lastHitSecond * 1000, 30_000);
        open.put(id, protoSession);
        payloads.put(id, List.of("{\"client\":\"" + clientId + "\"}"));
        for (String identifier : identifiers) {
            claims.claim(new IdentifierClaim(identifier, clientId, id));
        }
        return id;
    }

    @Test
    void closingReleasesTheOwnersClaimsAndKeepsTheOthers() throws SessionsBusyException {
        String a = open("A", 1000, "session_stamp:s-a", "user_id:u");
        String c = open("C", 5000, "session_stamp:s-c");
        assertEquals(1, closer.close(List.of(a, c), 1030));
        assertEquals(List.of("session_stamp:s-c"), List.copyOf(claims.all().keySet()), "C is not due yet");
        assertEquals(List.of(new ClosedSession("[{\"client\":\"A\"}]", 1)), delivered.get("P"));
        assertEquals(List.of(c), List.copyOf(open.keySet()));
    }

    @Test
    void aProtoSessionThatIsNotDueKeepsItsClaims() throws SessionsBusyException {
        String a = open("A", 1000, "session_stamp:s-a");
        assertEquals(0, closer.close(List.of(a), 1029));
        assertEquals(List.of("session_stamp:s-a"), List.copyOf(claims.all().keySet()));
    }
}
