package org.d8a.columns;

import jakarta.ejb.ApplicationException;

/** A temporary failure (a lookup service unavailable, ...): the delivery of the whole batch is retried later. */
@ApplicationException(rollback = true)
public class RetryableColumnException extends ColumnException {

    public RetryableColumnException(String message, Throwable cause) {
        super(message, cause);
    }
}
