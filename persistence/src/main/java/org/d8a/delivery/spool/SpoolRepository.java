package org.d8a.delivery.spool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The persistent session spool; every method joins the caller's transaction. */
@ApplicationScoped
public class SpoolRepository {

    @PersistenceContext(unitName = "d8a")
    private EntityManager em;

    public void add(SpooledSession session) {
        em.persist(session);
    }

    /** The oldest spooled sessions, in spool order. */
    public List<SpooledSession> oldest(int limit) {
        return em.createQuery("select s from SpooledSession s order by s.id", SpooledSession.class)
                .setMaxResults(limit)
                .getResultList();
    }

    public void removeAll(List<Long> ids) {
        em.createQuery("delete from SpooledSession s where s.id in :ids").setParameter("ids", ids).executeUpdate();
    }
}
