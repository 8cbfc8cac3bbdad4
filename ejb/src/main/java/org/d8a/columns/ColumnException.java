package org.d8a.columns;

/** Why a column could not produce a value; the subclass says what is dropped or retried. */
public abstract class ColumnException extends Exception {

    protected ColumnException(String message) {
        super(message);
    }

    protected ColumnException(String message, Throwable cause) {
        super(message, cause);
    }
}
