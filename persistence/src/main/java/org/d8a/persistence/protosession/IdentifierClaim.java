package org.d8a.persistence.protosession;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.d8a.persistence.text.StorableText;

/**
 * An identifier (session stamp or user-id stamp) owned by the open proto-session that presented it first
 * (architecture decision 5). The primary key makes the claim unique across partitions: of two consumers claiming one
 * identifier at once, one commit fails and its message is redelivered, to find the claim. The claim lives until its
 * owner closes.
 */
@Entity
@Table(name = "identifier_claim", indexes = @Index(name = "identifier_claim_owner", columnList = "owner_isolated_id"))
public class IdentifierClaim {

    @Id
    @Column(name = "identifier", length = 96)
    private String identifier;

    /** As the client sent it, which may hold characters PostgreSQL does not store as they are (StorableText). */
    @Column(name = "owner_client_id", nullable = false, length = 4096)
    @Convert(converter = StorableText.class)
    private String ownerClientId;

    @Column(name = "owner_isolated_id", nullable = false, length = 64)
    private String ownerIsolatedId;

    protected IdentifierClaim() {
    }

    /**
     * @param identifier the identifier's type and stamp, such as {@code session_stamp:<sha256>}
     * @param ownerClientId the owner's authoritative client id
     * @param ownerIsolatedId the owner's proto-session key
     */
    public IdentifierClaim(String identifier, String ownerClientId, String ownerIsolatedId) {
        this.identifier = identifier;
        this.ownerClientId = ownerClientId;
        this.ownerIsolatedId = ownerIsolatedId;
    }

    public String getIdentifier() {
        return identifier;
    }

    public String getOwnerClientId() {
        return ownerClientId;
    }

    public String getOwnerIsolatedId() {
        return ownerIsolatedId;
    }
}
