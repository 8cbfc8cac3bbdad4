package org.d8a.columns;

/** A temporary failure (a lookup service unavailable, ...): the delivery of the whole batch is retried later. */
public class RetryableColumnException extends ColumnException {

    public RetryableColumnException(String message, Throwable cause) {
        super(message, cause);
    }
}
