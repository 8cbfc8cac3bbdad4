package org.d8a.persistence.wheel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Persists how far the timing wheel has closed, for operators and for catch-up decisions after a restart. Each call is
 * a transaction of its own, so that the cursor never waits for, or rolls back with, a close.
 */
@ApplicationScoped
public class WheelCursorRepository {

    @PersistenceContext(unitName = "d8a")
    EntityManager em;

    /** The next bucket to close, as persisted; null before the wheel first closed anything. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Long next() {
        WheelCursor cursor = em.find(WheelCursor.class, WheelCursor.DEFAULT);
        return cursor == null ? null : cursor.getNextBucket();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void advanceTo(long nextBucket) {
        WheelCursor cursor = em.find(WheelCursor.class, WheelCursor.DEFAULT);
        if (cursor == null) {
            em.persist(new WheelCursor(WheelCursor.DEFAULT, nextBucket));
        } else {
            cursor.advanceTo(nextBucket);
        }
    }
}
