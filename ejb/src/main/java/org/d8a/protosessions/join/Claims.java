package org.d8a.protosessions.join;

import org.d8a.persistence.protosession.IdentifierClaim;

/** The identifier claims an append sees: those stored, and those its own transaction has made so far. */
public interface Claims {

    /** The claim of {@code identifier}, or {@code null} when nobody owns it. */
    IdentifierClaim find(String identifier);

    /** Claims an identifier nobody owns. */
    void claim(IdentifierClaim claim);
}
