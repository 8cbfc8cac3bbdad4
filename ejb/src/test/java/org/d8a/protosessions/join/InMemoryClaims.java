package org.d8a.protosessions.join;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.persistence.protosession.IdentifierClaim;
import org.d8a.persistence.protosession.IdentifierClaimRepository;

/**
 * Identifier claims in a map, with the repository's rules: a claim is found by identifier and released only by its
 * owner's close. The JPQL behind the real repository runs in the integration tests.
 */
public final class InMemoryClaims extends IdentifierClaimRepository implements Claims {

    private final Map<String, IdentifierClaim> claims = new LinkedHashMap<>();

    @Override
    public IdentifierClaim find(String identifier) {
        return claims.get(identifier);
    }

    @Override
    public void claim(IdentifierClaim claim) {
        if (claims.putIfAbsent(claim.getIdentifier(), claim) != null) {
            // the primary key of identifier_claim: a second claim of one identifier fails the transaction
            throw new IllegalStateException("identifier " + claim.getIdentifier() + " is already claimed");
        }
    }

    @Override
    public void releaseOwnedBy(List<String> isolatedClientIds) {
        claims.values().removeIf(claim -> isolatedClientIds.contains(claim.getOwnerIsolatedId()));
    }

    public Map<String, IdentifierClaim> all() {
        return claims;
    }
}
