package org.d8a.protosessions.append;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;
import org.d8a.hits.Isolation;
import org.d8a.hits.RequestRepeats;
import org.d8a.persistence.protosession.IdentifierClaim;
import org.d8a.persistence.protosession.IdentifierClaimRepository;
import org.d8a.persistence.protosession.ProtoSession;
import org.d8a.persistence.protosession.ProtoSessionHit;
import org.d8a.persistence.protosession.ProtoSessionRepository;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.protosessions.join.Claims;
import org.d8a.protosessions.join.EvictedHitPublisher;
import org.d8a.protosessions.join.IdentifierJoiner;
import org.d8a.queue.Partitions;

/**
 * Appends hits to the proto-sessions of their clients, inside the caller's transaction. A hit that presents an
 * identifier another client owns joins that client's proto-session: its authoritative client id is rewritten (its
 * {@code client_id} column is not) and, when the owner lives in another partition, it is sent there to be appended
 * by the owner's consumer.
 *
 * <p>Everything a batch needs from the database is read at once for all its hits (stored hit ids, identifier claims,
 * open proto-sessions, fingerprints): a few statements per consumed batch instead of several per hit. The rows of the
 * proto-sessions appended to are locked, so the timing wheel never closes one while hits are added to it.</p>
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
    IdentifierClaimRepository claimRepository;

    @Inject
    PropertyRegistry properties;

    @Inject
    EvictedHitPublisher evictedHits;

    @Inject
    Partitions partitions;

    /**
     * Appends {@code hits} (in arrival order). Hits whose id is already
     * stored (a message redelivered after a crash) and hits that repeat one of their open session exactly (a client
     * retrying a request) are skipped. Identical lines of one request are not repeats of each other: the receiver
     * numbers them ({@link RequestRepeats}) and the number is part of the fingerprint.
     */
    public void append(List<Hit> hits) {
        Set<String> seen = protoSessions.storedHitIds(hits.stream().map(Hit::getId).toList());
        IdentifierJoiner joiner = new IdentifierJoiner(claimsOf(hits));
        Map<String, List<Hit>> toOtherPartitions = new LinkedHashMap<>();
        List<Hit> toStore = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            if (!seen.add(hit.getId())) {
                continue;
            }
            PropertySettings property = properties.byId(hit.getPropertyId());
            if (!hit.getMetadata().containsKey(MARKED_FOR_EVICTION)) {
                String owner = joiner.ownerOf(hit, property);
                if (!owner.equals(hit.getAuthoritativeClientId())) {
                    String partition = partitions.of(hit.getPropertyId(), hit.getAuthoritativeClientId());
                    hit.getMetadata().put(ORIGINAL_CLIENT_ID, hit.getAuthoritativeClientId());
                    hit.getMetadata().put(MARKED_FOR_EVICTION, "true");
                    hit.setAuthoritativeClientId(owner);
                    String ownerPartition = partitions.of(hit.getPropertyId(), owner);
                    if (!ownerPartition.equals(partition)) {
                        toOtherPartitions.computeIfAbsent(ownerPartition, p -> new ArrayList<>()).add(hit);
                        continue;
                    }
                }
            }
            toStore.add(hit);
        }
        toOtherPartitions.forEach(evictedHits::publish);
        store(toStore);
    }

    /** The claims of every identifier the hits present, read at once; claims made by earlier hits are seen by later. */
    private Claims claimsOf(List<Hit> hits) {
        Set<String> identifiers = new LinkedHashSet<>();
        for (Hit hit : hits) {
            if (!hit.getMetadata().containsKey(MARKED_FOR_EVICTION)) {
                identifiers.addAll(IdentifierJoiner.identifiers(hit, properties.byId(hit.getPropertyId())));
            }
        }
        Map<String, IdentifierClaim> known = claimRepository.findAll(identifiers);
        return new Claims() {
            @Override
            public IdentifierClaim find(String identifier) {
                return known.get(identifier);
            }

            @Override
            public void claim(IdentifierClaim claim) {
                known.put(claim.getIdentifier(), claim);
                claimRepository.claim(claim);
            }
        };
    }

    private void store(List<Hit> hits) {
        if (hits.isEmpty()) {
            return;
        }
        List<String> isolatedIds = new ArrayList<>(hits.size());
        List<String> fingerprints = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            isolatedIds.add(Isolation.isolatedClientId(hit.getPropertyId(), hit.getAuthoritativeClientId()));
            fingerprints.add(Isolation.fingerprint(hit));
        }
        Set<String> clients = new HashSet<>(isolatedIds);
        Map<String, ProtoSession> open = protoSessions.lockOpen(clients);
        Map<String, Set<String>> held = protoSessions.fingerprintsOf(clients, new HashSet<>(fingerprints));
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            String isolatedId = isolatedIds.get(i);
            if (!held.computeIfAbsent(isolatedId, id -> new HashSet<>()).add(fingerprints.get(i))) {
                LOG.fine(() -> "hit " + hit.getId() + " repeats a hit of its open session (a client retry); not stored");
                continue;
            }
            ProtoSession protoSession = open.get(isolatedId);
            if (protoSession == null) {
                protoSession = new ProtoSession(isolatedId, hit.getPropertyId(), partitions.index(isolatedId));
                protoSessions.add(protoSession);
                open.put(isolatedId, protoSession);
            }
            protoSession.recordHit(hit.getReceivedAtMillis(), properties.byId(hit.getPropertyId())
                    .sessionTimeout().toMillis());
            protoSessions.addHit(new ProtoSessionHit(hit.getId(), isolatedId, hit.getReceivedAtMillis(),
                    hit.getArrivalSeq(), fingerprints.get(i), HitCodec.encode(hit)));
        }
    }
}
