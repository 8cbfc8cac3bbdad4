package org.d8a.persistence.protosession;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Proto-session storage; every method joins the caller's transaction. */
@ApplicationScoped
public class ProtoSessionRepository {

    @PersistenceContext(unitName = "d8a")
    private EntityManager em;

    public ProtoSession find(String isolatedClientId) {
        return em.find(ProtoSession.class, isolatedClientId);
    }

    /** How many proto-sessions are open (what the operator's page and {@code d8a_protosessions_open} show). */
    public long countOpen() {
        return em.createQuery("select count(p) from ProtoSession p", Long.class).getSingleResult();
    }

    public void add(ProtoSession protoSession) {
        em.persist(protoSession);
    }

    public boolean containsHit(String hitId) {
        return em.find(ProtoSessionHit.class, hitId) != null;
    }

    /** Whether the proto-session already holds a hit with this fingerprint (a retried request). */
    public boolean containsFingerprint(String isolatedClientId, String fingerprint) {
        return !em.createQuery("select h.hitId from ProtoSessionHit h where h.isolatedClientId = :id"
                        + " and h.fingerprint = :fingerprint", String.class)
                .setParameter("id", isolatedClientId)
                .setParameter("fingerprint", fingerprint)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    public void addHit(ProtoSessionHit hit) {
        em.persist(hit);
    }

    /** Ids of proto-sessions due at or before {@code bucket}, oldest expiry first. */
    public List<String> dueIds(long bucket, int limit) {
        return em.createQuery("select p.isolatedClientId from ProtoSession p where p.expiryBucket <= :bucket"
                        + " order by p.expiryBucket, p.isolatedClientId", String.class)
                .setParameter("bucket", bucket)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * As {@link #dueIds(long, int)}, for the proto-sessions of the given queue partitions only, and those of no known
     * partition (stored before partitions were recorded) when {@code withUnknown} is set.
     */
    public List<String> dueIds(long bucket, Collection<Integer> partitions, boolean withUnknown, int limit) {
        return em.createQuery("select p.isolatedClientId from ProtoSession p where p.expiryBucket <= :bucket"
                        + " and (p.partitionIndex in :partitions" + (withUnknown ? " or p.partitionIndex is null" : "")
                        + ") order by p.expiryBucket, p.isolatedClientId", String.class)
                .setParameter("bucket", bucket)
                .setParameter("partitions", partitions)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Those of {@code isolatedClientIds} whose proto-session is still due at {@code bucket}. */
    public List<ProtoSession> findDue(List<String> isolatedClientIds, long bucket) {
        return em.createQuery("select p from ProtoSession p where p.isolatedClientId in :ids"
                        + " and p.expiryBucket <= :bucket", ProtoSession.class)
                .setParameter("ids", isolatedClientIds)
                .setParameter("bucket", bucket)
                .getResultList();
    }

    /**
     * The stored hits of the given proto-sessions, by proto-session, each list in receive order with arrival order
     * breaking ties. Read as plain values: the close only copies them into the spool.
     */
    public Map<String, List<String>> hitPayloadsOf(List<String> isolatedClientIds) {
        Map<String, List<String>> payloads = new HashMap<>();
        em.createQuery("select h.isolatedClientId, h.payload from ProtoSessionHit h where h.isolatedClientId in :ids"
                        + " order by h.isolatedClientId, h.receivedAtMillis, h.arrivalSeq", Object[].class)
                .setParameter("ids", isolatedClientIds)
                .getResultStream()
                .forEach(row -> payloads.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((String) row[1]));
        return payloads;
    }

    /**
     * Removes closed proto-sessions and their hits. The version check on each proto-session row makes the transaction
     * fail when a consumer appended to one of them after it was read, so a hit is never deleted unseen.
     */
    public void removeAll(List<ProtoSession> closed) {
        em.createQuery("delete from ProtoSessionHit h where h.isolatedClientId in :ids")
                .setParameter("ids", closed.stream().map(ProtoSession::getIsolatedClientId).toList())
                .executeUpdate();
        closed.forEach(em::remove);
    }
}
