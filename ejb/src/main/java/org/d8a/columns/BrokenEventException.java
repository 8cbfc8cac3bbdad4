package org.d8a.columns;

/** The event cannot be written; it is dropped before session columns are computed, the rest of its session is kept. */
public class BrokenEventException extends ColumnException {

    public BrokenEventException(String message) {
        super(message);
    }
}
