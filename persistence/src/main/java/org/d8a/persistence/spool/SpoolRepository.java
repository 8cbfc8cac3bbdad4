package org.d8a.persistence.spool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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

    /**
     * Ids of the sessions due for delivery at {@code nowMillis} (not quarantined, not staged, past their backoff) after
     * {@code afterId}, in spool order.
     */
    public List<Long> dueIds(long nowMillis, long afterId, int limit) {
        return em.createQuery("select s.id from SpooledSession s where s.quarantined = false and s.staging is null"
                        + " and s.nextAttemptMillis <= :now and s.id > :after order by s.id", Long.class)
                .setParameter("now", nowMillis)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The given sessions still in the spool, in spool order. */
    public List<SpooledSession> findAll(List<Long> ids) {
        return findAll(ids, LockModeType.NONE);
    }

    /**
     * The given sessions still in the spool, locked until the caller's transaction ends. Two deliveries that were
     * started at once (a second deliver job from the CLI, say) therefore never write the same session twice: the later
     * one waits for the earlier one's commit and then no longer finds the sessions it delivered.
     */
    public List<SpooledSession> lockForDelivery(List<Long> ids) {
        return findAll(ids, LockModeType.PESSIMISTIC_WRITE);
    }

    private List<SpooledSession> findAll(List<Long> ids, LockModeType lock) {
        return em.createQuery("select s from SpooledSession s where s.id in :ids order by s.id", SpooledSession.class)
                .setParameter("ids", ids)
                .setLockMode(lock)
                .getResultList();
    }

    /** How much waits in the spool, and how much was dropped as broken, for operators. */
    public SpoolStatus status() {
        Object[] row = em.createQuery("select count(s), sum(case when s.quarantined = true then 1 else 0 end),"
                        + " min(s.closedAtMillis), sum(case when s.failures > 0 and s.quarantined = false then 1 else 0"
                        + " end), sum(case when s.staging is not null then 1 else 0 end) from SpooledSession s",
                        Object[].class)
                .getSingleResult();
        long dropped = em.createQuery("select count(d) from DroppedData d", Long.class).getSingleResult();
        List<String> lastErrors = em.createQuery("select s.lastError from SpooledSession s where s.lastError is not null"
                        + " order by s.id desc", String.class)
                .setMaxResults(1)
                .getResultList();
        return new SpoolStatus(count(row[0]), count(row[1]), row[2] == null ? null : ((Number) row[2]).longValue(),
                dropped, count(row[3]), count(row[4]), lastErrors.isEmpty() ? null : lastErrors.get(0));
    }

    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    /** Keeps an event or session that could not be written, with the reason. */
    public void addDropped(DroppedData dropped) {
        em.persist(dropped);
    }

    /** Puts every quarantined session back in line; returns how many. */
    public int releaseQuarantined() {
        return em.createQuery("update SpooledSession s set s.quarantined = false, s.failures = 0,"
                + " s.nextAttemptMillis = 0 where s.quarantined = true").executeUpdate();
    }

    /** Whether a staged write holds spooled sessions, which a deliver job is to publish though none is due. */
    public boolean hasStaged() {
        return !em.createQuery("select s.id from SpooledSession s where s.staging is not null", Long.class)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The staged writes that hold spooled sessions, in the order they were staged. */
    public List<String> stagings() {
        return em.createQuery("select s.staging from SpooledSession s where s.staging is not null"
                + " group by s.staging order by min(s.id)", String.class).getResultList();
    }

    /** The sessions {@code staging} holds, locked until the caller's transaction ends. */
    public List<SpooledSession> lockStaged(String staging) {
        return em.createQuery("select s from SpooledSession s where s.staging = :staging order by s.id",
                        SpooledSession.class)
                .setParameter("staging", staging)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Puts the sessions of a staged write the warehouse no longer holds back in line; returns how many. */
    public int unstage(String staging) {
        return em.createQuery("update SpooledSession s set s.staging = null, s.nextAttemptMillis = 0"
                + " where s.staging = :staging").setParameter("staging", staging).executeUpdate();
    }

    public void removeAll(List<Long> ids) {
        em.createQuery("delete from SpooledSession s where s.id in :ids").setParameter("ids", ids).executeUpdate();
    }
}
