package org.d8a.columns;

/** The session cannot be written; none of its rows is. */
public class BrokenSessionException extends ColumnException {

    public BrokenSessionException(String message) {
        super(message);
    }
}
