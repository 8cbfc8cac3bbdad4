package org.d8a.protosessions.close;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.delivery.ClosedSession;
import org.d8a.delivery.ClosedSessionSink;
import org.d8a.metrics.PipelineMetrics;
import org.d8a.persistence.protosession.IdentifierClaimRepository;
import org.d8a.persistence.protosession.ProtoSession;
import org.d8a.persistence.protosession.ProtoSessionRepository;
import org.d8a.persistence.protosession.ProtoSessionsBusyException;

/**
 * Closes due proto-sessions: in one transaction each closed proto-session is handed, as a session (its hits in receive
 * order, arrival order breaking ties), to the sink of the delivery mode, and removed with its hits and its claims. The
 * closing transaction locks the rows of the proto-sessions it closes, as an append locks those it appends to, so the
 * two never both change one proto-session: whichever comes second waits, then sees the other's result (an appended
 * proto-session is no longer due; a closed one is gone, and the append starts a new one).
 */
@Stateless
public class SessionCloser {

    @Inject
    PipelineMetrics metrics;

    @Inject
    ProtoSessionRepository protoSessions;

    @Inject
    IdentifierClaimRepository claims;

    @Inject
    ClosedSessionSink closedSessions;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> dueIds(long upToBucket, int limit) {
        return protoSessions.dueIds(upToBucket, limit);
    }

    /** Due proto-sessions of the given queue partitions (and of no recorded partition, with {@code withUnknown}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> dueIds(long upToBucket, Collection<Integer> partitions, boolean withUnknown, int limit) {
        return protoSessions.dueIds(upToBucket, partitions, withUnknown, limit);
    }

    /**
     * Closes those of {@code isolatedClientIds} still due at {@code upToBucket}.
     *
     * @return the number of sessions closed
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int close(List<String> isolatedClientIds, long upToBucket) throws SessionsBusyException {
        try {
            return closeLocked(isolatedClientIds, upToBucket);
        } catch (ProtoSessionsBusyException e) {
            throw new SessionsBusyException(e);
        }
    }

    private int closeLocked(List<String> isolatedClientIds, long upToBucket) {
        List<ProtoSession> due = protoSessions.lockDue(isolatedClientIds, upToBucket);
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, List<String>> hits = protoSessions.hitPayloadsOf(
                due.stream().map(ProtoSession::getIsolatedClientId).toList());
        Map<String, List<ClosedSession>> byProperty = new LinkedHashMap<>();
        int closed = 0;
        for (ProtoSession protoSession : due) {
            List<String> payloads = hits.getOrDefault(protoSession.getIsolatedClientId(), List.of());
            if (!payloads.isEmpty()) {
                byProperty.computeIfAbsent(protoSession.getPropertyId(), p -> new ArrayList<>())
                        .add(new ClosedSession(asList(payloads), payloads.size()));
                closed++;
            }
        }
        byProperty.forEach(closedSessions::accept);
        protoSessions.removeAll(due);
        metrics.sessionsClosed(closed);
        claims.releaseOwnedBy(due.stream().map(ProtoSession::getIsolatedClientId).toList());
        return closed;
    }

    /** The stored hits, already encoded one by one, joined into the codec's list form without decoding them. */
    private static String asList(List<String> hitPayloads) {
        return "[" + String.join(",", hitPayloads) + "]";
    }
}
