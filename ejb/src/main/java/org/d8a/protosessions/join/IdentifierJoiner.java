package org.d8a.protosessions.join;

import java.util.ArrayList;
import java.util.List;
import org.d8a.hits.Hit;
import org.d8a.hits.Isolation;
import org.d8a.persistence.protosession.IdentifierClaim;
import org.d8a.properties.PropertySettings;

/**
 * Decides which client's proto-session a hit joins (spec/pipeline.md §3.5 steps 1-4): each identifier the hit presents
 * (its session stamp, then its user-id stamp, as the property enables them) is either claimed for the hit's owner or
 * already owned by another client, whose proto-session the hit then joins; the later identifier wins a disagreement.
 * Identifiers nobody owned yet are claimed for the client the hit ends up with, so no claim is left with a client that
 * has no proto-session (the reference claims them for the evicted client, where they stay until restart).
 */
public class IdentifierJoiner {

    static final String SESSION_STAMP = "session_stamp:";
    static final String USER_ID = "user_id:";

    private final Claims claims;

    /** A joiner over {@code claims}: one per append transaction, which sees the claims it made itself. */
    public IdentifierJoiner(Claims claims) {
        this.claims = claims;
    }

    /** The authoritative client id whose proto-session {@code hit} belongs to: its own or an identifier's owner. */
    public String ownerOf(Hit hit, PropertySettings property) {
        List<String> identifiers = identifiers(hit, property);
        String owner = hit.getAuthoritativeClientId();
        List<String> unclaimed = new ArrayList<>();
        for (String identifier : identifiers) {
            IdentifierClaim claim = claims.find(identifier);
            if (claim == null) {
                unclaimed.add(identifier);
            } else if (!claim.getOwnerClientId().equals(hit.getAuthoritativeClientId())) {
                owner = claim.getOwnerClientId();
            }
        }
        String ownerIsolatedId = Isolation.isolatedClientId(hit.getPropertyId(), owner);
        for (String identifier : unclaimed) {
            claims.claim(new IdentifierClaim(identifier, owner, ownerIsolatedId));
        }
        return owner;
    }

    /** The identifiers {@code hit} presents under its property's joining rules, in the order they are decided. */
    public static List<String> identifiers(Hit hit, PropertySettings property) {
        List<String> identifiers = new ArrayList<>(2);
        if (property.join().bySessionStamp()) {
            identifiers.add(SESSION_STAMP + Isolation.sessionStamp(hit));
        }
        if (property.join().byUserId() && hit.getUserId() != null) {
            identifiers.add(USER_ID + Isolation.userIdStamp(hit));
        }
        return identifiers;
    }
}
