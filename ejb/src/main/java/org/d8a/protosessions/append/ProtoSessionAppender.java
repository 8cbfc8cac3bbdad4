package org.d8a.protosessions.append;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;
import org.d8a.hits.Isolation;
import org.d8a.hits.RequestRepeats;
import org.d8a.persistence.protosession.ProtoSession;
import org.d8a.persistence.protosession.ProtoSessionHit;
import org.d8a.persistence.protosession.ProtoSessionRepository;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.protosessions.join.EvictedHitPublisher;
import org.d8a.protosessions.join.IdentifierJoiner;
import org.d8a.queue.Partitions;

/**
 * Appends hits to the proto-sessions of their clients, inside the caller's transaction. A hit that presents an
 * identifier another client owns joins that client's proto-session: its authoritative client id is rewritten (its
 * {@code client_id} column is not) and, when the owner lives in another partition, it is sent there to be appended
 * by the owner's consumer.
 */
@ApplicationScoped
public class ProtoSessionAppender {

    private static final Logger LOG = Logger.getLogger(ProtoSessionAppender.class.getName());

    /** Hit metadata: the authoritative client id before the hit joined another client's proto-session. */
    public static final String ORIGINAL_CLIENT_ID = "original_authoritative_client_id";
    /** Hit metadata: the hit has joined another client's proto-session and must not be joined again. */
    public static final String MARKED_FOR_EVICTION = "marked_for_eviction";

    @Inject
    ProtoSessionRepository protoSessions;

    @Inject
    PropertyRegistry properties;

    @Inject
    IdentifierJoiner joiner;

    @Inject
    EvictedHitPublisher evictedHits;

    @Inject
    Partitions partitions;

    /**
     * Appends {@code hits} (in arrival order) and returns the receive time of the newest. Hits whose id is already
     * stored (a message redelivered after a crash) and hits that repeat one of their open session exactly (a client
     * retrying a request) are skipped. Identical lines of one request are not repeats of each other: the receiver
     * numbers them ({@link RequestRepeats}) and the number is part of the fingerprint.
     */
    public long append(List<Hit> hits) {
        long newest = 0;
        Map<String, List<Hit>> toOtherPartitions = new LinkedHashMap<>();
        for (Hit hit : hits) {
            newest = Math.max(newest, hit.getReceivedAtMillis());
            if (protoSessions.containsHit(hit.getId())) {
                continue;
            }
            PropertySettings property = properties.byId(hit.getPropertyId());
            if (!hit.getMetadata().containsKey(MARKED_FOR_EVICTION)) {
                String owner = joiner.ownerOf(hit, property);
                if (!owner.equals(hit.getAuthoritativeClientId())) {
                    String partition = partitionOf(hit.getPropertyId(), hit.getAuthoritativeClientId());
                    hit.getMetadata().put(ORIGINAL_CLIENT_ID, hit.getAuthoritativeClientId());
                    hit.getMetadata().put(MARKED_FOR_EVICTION, "true");
                    hit.setAuthoritativeClientId(owner);
                    String ownerPartition = partitionOf(hit.getPropertyId(), owner);
                    if (!ownerPartition.equals(partition)) {
                        toOtherPartitions.computeIfAbsent(ownerPartition, p -> new ArrayList<>()).add(hit);
                        continue;
                    }
                }
            }
            store(hit, property);
        }
        toOtherPartitions.forEach(evictedHits::publish);
        return newest;
    }

    private String partitionOf(String propertyId, String authoritativeClientId) {
        return partitions.of(propertyId, authoritativeClientId);
    }

    private void store(Hit hit, PropertySettings property) {
        String isolatedId = Isolation.isolatedClientId(hit.getPropertyId(), hit.getAuthoritativeClientId());
        String fingerprint = Isolation.fingerprint(hit);
        if (protoSessions.containsFingerprint(isolatedId, fingerprint)) {
            LOG.fine(() -> "hit " + hit.getId() + " repeats a hit of its open session (a client retry); not stored");
            return;
        }
        ProtoSession protoSession = protoSessions.find(isolatedId);
        if (protoSession == null) {
            protoSession = new ProtoSession(isolatedId, hit.getPropertyId(),
                    partitions.index(isolatedId));
            protoSessions.add(protoSession);
        }
        protoSession.recordHit(hit.getReceivedAtMillis(), property.sessionTimeout().toMillis());
        protoSessions.addHit(new ProtoSessionHit(hit.getId(), isolatedId, hit.getReceivedAtMillis(),
                hit.getArrivalSeq(), fingerprint, HitCodec.encode(hit)));
    }
}
