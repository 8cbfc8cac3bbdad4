package org.d8a.protosessions.close;

import jakarta.ejb.ApplicationException;

/**
 * A close that could not take or keep the rows of its proto-sessions (a lock timeout, or a version that changed
 * under it): nothing of it is kept, and the timing wheel tries those proto-sessions again at a later tick. An
 * application exception, so the container rolls back without logging it as an error: it is an expected race.
 */
@ApplicationException(rollback = true)
public class SessionsBusyException extends Exception {

    public SessionsBusyException(Throwable cause) {
        super("the proto-sessions to close were busy: " + cause.getMessage(), cause);
    }
}
