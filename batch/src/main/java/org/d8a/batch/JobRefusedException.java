package org.d8a.batch;

import jakarta.ejb.ApplicationException;

/**
 * A job that was not started, and why: the request was invalid (a replay path outside the raw log directory) or the
 * state does not allow it now (nothing quarantined). An application exception, so that it reaches the caller as it
 * is instead of wrapped as an EJB system error.
 */
@ApplicationException
public class JobRefusedException extends RuntimeException {

    private final boolean conflict;

    JobRefusedException(String reason, boolean conflict) {
        super(reason);
        this.conflict = conflict;
    }

    /** True when the request was valid but the state does not allow it now. */
    public boolean conflict() {
        return conflict;
    }
}
