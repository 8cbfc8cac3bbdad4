package org.d8a.sessions.wheel;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Persists how far the timing wheel has closed, for operators and for catch-up decisions after a restart. */
@Stateless
public class WheelCursorStore {

    @PersistenceContext(unitName = "d8a")
    EntityManager em;

    /** The next bucket to close, as persisted; null before the wheel first closed anything. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Long next() {
        WheelCursor cursor = em.find(WheelCursor.class, WheelCursor.DEFAULT);
        return cursor == null ? null : cursor.getNextBucket();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void advanceTo(long nextBucket) {
        WheelCursor cursor = em.find(WheelCursor.class, WheelCursor.DEFAULT);
        if (cursor == null) {
            em.persist(new WheelCursor(WheelCursor.DEFAULT, nextBucket));
        } else {
            cursor.advanceTo(nextBucket);
        }
    }
}
