package org.d8a.persistence.protosession;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Identifier claims; every method joins the caller's transaction. */
@ApplicationScoped
public class IdentifierClaimRepository {

    @PersistenceContext(unitName = "d8a")
    private EntityManager em;

    /** The claims of those of {@code identifiers} that are claimed, by identifier. */
    public Map<String, IdentifierClaim> findAll(Collection<String> identifiers) {
        Map<String, IdentifierClaim> found = new HashMap<>();
        for (List<String> chunk : InLists.chunks(identifiers)) {
            em.createQuery("select c from IdentifierClaim c where c.identifier in :ids", IdentifierClaim.class)
                    .setParameter("ids", chunk)
                    .getResultList()
                    .forEach(claim -> found.put(claim.getIdentifier(), claim));
        }
        return found;
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
