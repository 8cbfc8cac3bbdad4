package org.d8a.persistence.segment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Active segments of the files warehouse; joins the caller's transaction. */
@ApplicationScoped
public class ActiveSegmentRepository {

    @PersistenceContext(unitName = "d8a")
    private EntityManager em;

    /**
     * The record of {@code stream}, locked until the caller's transaction ends: a second delivery to the same stream
     * waits here instead of cutting off bytes the first one has not committed yet. Created at generation 0, length 0.
     */
    public ActiveSegment lock(String stream) {
        ActiveSegment segment = em.find(ActiveSegment.class, stream, LockModeType.PESSIMISTIC_WRITE);
        if (segment == null) {
            segment = new ActiveSegment(stream);
            em.persist(segment);
            em.flush();
        }
        return segment;
    }

    /** Every stream that has ever been written. */
    public List<String> streams() {
        return em.createQuery("select s.stream from ActiveSegment s order by s.stream", String.class).getResultList();
    }
}
