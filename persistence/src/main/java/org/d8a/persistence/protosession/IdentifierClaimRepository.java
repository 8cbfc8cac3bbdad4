package org.d8a.persistence.protosession;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Identifier claims; every method joins the caller's transaction. */
@ApplicationScoped
public class IdentifierClaimRepository {

    @PersistenceContext(unitName = "d8a")
    private EntityManager em;

    public IdentifierClaim find(String identifier) {
        return em.find(IdentifierClaim.class, identifier);
    }

    public void claim(IdentifierClaim claim) {
        em.persist(claim);
    }

    /** Releases the identifiers the given (closing) proto-sessions own, and only those. */
    public void releaseOwnedBy(List<String> isolatedClientIds) {
        em.createQuery("delete from IdentifierClaim c where c.ownerIsolatedId in :ids")
                .setParameter("ids", isolatedClientIds)
                .executeUpdate();
    }
}
