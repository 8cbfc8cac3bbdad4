package org.d8a.sessions.proto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Proto-session storage; every method joins the caller's transaction. */
@ApplicationScoped
public class ProtoSessionRepository {

    @PersistenceContext(unitName = "d8a")
    private EntityManager em;

    public ProtoSession find(String isolatedClientId) {
        return em.find(ProtoSession.class, isolatedClientId);
    }

    public void add(ProtoSession protoSession) {
        em.persist(protoSession);
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

    /** Hits of the given proto-sessions in receive order, arrival order breaking ties. */
    public List<ProtoSessionHit> hitsOf(List<String> isolatedClientIds) {
        return em.createQuery("select h from ProtoSessionHit h where h.isolatedClientId in :ids"
                        + " order by h.isolatedClientId, h.receivedAtMillis, h.arrivalSeq", ProtoSessionHit.class)
                .setParameter("ids", isolatedClientIds)
                .getResultList();
    }

    /**
     * Removes a closed proto-session and its hits. The version check on the proto-session row makes this fail when a
     * consumer appended to it after it was read, so a hit is never deleted unseen.
     */
    public void remove(ProtoSession protoSession) {
        em.createQuery("delete from ProtoSessionHit h where h.isolatedClientId = :id")
                .setParameter("id", protoSession.getIsolatedClientId())
                .executeUpdate();
        em.remove(protoSession);
    }

    public long count() {
        return em.createQuery("select count(p) from ProtoSession p", Long.class).getSingleResult();
    }
}
