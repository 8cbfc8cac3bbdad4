package org.d8a.persistence.protosession;

/**
 * Proto-session rows another transaction holds or has changed: a lock that timed out, or a version that moved between
 * the read and the write. The caller's transaction can only roll back and try again later.
 */
public class ProtoSessionsBusyException extends RuntimeException {

    ProtoSessionsBusyException(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }
}
