package org.d8a.protosessions.append;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot be reached (restarting, failing over, the network cut), rather than
 * that the work itself failed: SQLSTATE class 08 (connection exception) or 57P (the server shut down or is starting),
 * anywhere in the chain of causes, as JPA and the connection pool wrap them.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
