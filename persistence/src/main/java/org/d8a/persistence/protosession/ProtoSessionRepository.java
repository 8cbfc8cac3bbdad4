package org.d8a.persistence.protosession;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proto-session storage; every method joins the caller's transaction. The lookups of an append take every hit of a
 * consumed batch at once (a few statements per batch rather than several per hit).
 */
@ApplicationScoped
public class ProtoSessionRepository {

    @PersistenceContext(unitName = "d8a")
    private EntityManager em;

    /** How many proto-sessions are open (what the operator's page and {@code d8a_protosessions_open} show). */
    public long countOpen() {
        return em.createQuery("select count(p) from ProtoSession p", Long.class).getSingleResult();
    }

    public void add(ProtoSession protoSession) {
        em.persist(protoSession);
    }

    /** Those of {@code hitIds} already stored (hits of a message redelivered after a crash). */
    public Set<String> storedHitIds(Collection<String> hitIds) {
        Set<String> stored = new HashSet<>();
        for (List<String> chunk : InLists.chunks(hitIds)) {
            stored.addAll(em.createQuery("select h.hitId from ProtoSessionHit h where h.hitId in :ids", String.class)
                    .setParameter("ids", chunk)
                    .getResultList());
        }
        return stored;
    }

    /**
     * The open proto-sessions among {@code isolatedClientIds}, by id, their rows locked for this transaction: a close
     * of one of them waits for the append to commit (and then finds it no longer due), an append waits for a close
     * and then starts a new proto-session. Rows are locked in id order, as the closer locks them.
     */
    public Map<String, ProtoSession> lockOpen(Collection<String> isolatedClientIds) {
        Map<String, ProtoSession> open = new HashMap<>();
        for (List<String> chunk : InLists.chunks(InLists.sorted(isolatedClientIds))) {
            em.createQuery("select p from ProtoSession p where p.isolatedClientId in :ids"
                            + " order by p.isolatedClientId", ProtoSession.class)
                    .setParameter("ids", chunk)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList()
                    .forEach(p -> open.put(p.getIsolatedClientId(), p));
        }
        return open;
    }

    /**
     * Which of {@code fingerprints} the hits of the given proto-sessions already have, by proto-session: a hit whose
     * fingerprint its proto-session holds is a client's retry.
     */
    public Map<String, Set<String>> fingerprintsOf(Collection<String> isolatedClientIds,
            Collection<String> fingerprints) {
        Map<String, Set<String>> held = new HashMap<>();
        if (fingerprints.isEmpty()) {
            return held;
        }
        for (List<String> ids : InLists.chunks(isolatedClientIds)) {
            for (List<String> prints : InLists.chunks(fingerprints)) {
                em.createQuery("select h.isolatedClientId, h.fingerprint from ProtoSessionHit h"
                                + " where h.isolatedClientId in :ids and h.fingerprint in :prints", Object[].class)
                        .setParameter("ids", ids)
                        .setParameter("prints", prints)
                        .getResultStream()
                        .forEach(row -> held.computeIfAbsent((String) row[0], id -> new HashSet<>())
                                .add((String) row[1]));
            }
        }
        return held;
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

    /**
     * Those of {@code isolatedClientIds} whose proto-session is still due at {@code bucket}, their rows locked for the
     * closing transaction (in id order, as an append locks them), so no hit is appended to them meanwhile.
     *
     * @throws ProtoSessionsBusyException when an append held one of the rows for longer than the lock timeout
     */
    public List<ProtoSession> lockDue(List<String> isolatedClientIds, long bucket) {
        try {
            return lockDueRows(isolatedClientIds, bucket);
        } catch (PessimisticLockException | LockTimeoutException e) {
            throw new ProtoSessionsBusyException(e);
        }
    }

    private List<ProtoSession> lockDueRows(List<String> isolatedClientIds, long bucket) {
        return em.createQuery("select p from ProtoSession p where p.isolatedClientId in :ids"
                        + " and p.expiryBucket <= :bucket order by p.isolatedClientId", ProtoSession.class)
                .setParameter("ids", isolatedClientIds)
                .setParameter("bucket", bucket)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
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
     * Removes closed proto-sessions and their hits, and writes the removal now, inside the caller's code: the version
     * check on each proto-session row still guards a hit appended after it was read (the row lock should make that
     * impossible), and the caller sees that failure as an exception of its own rather than at commit.
     */
    public void removeAll(List<ProtoSession> closed) {
        em.createQuery("delete from ProtoSessionHit h where h.isolatedClientId in :ids")
                .setParameter("ids", closed.stream().map(ProtoSession::getIsolatedClientId).toList())
                .executeUpdate();
        closed.forEach(em::remove);
        em.flush();
    }
}
