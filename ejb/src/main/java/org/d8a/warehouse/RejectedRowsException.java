package org.d8a.warehouse;

/**
 * The warehouse took nothing because of the values of some rows (a value it cannot store, a row it refused), not
 * because of itself: the sessions those rows come from are at fault, and the others of the chunk can be delivered
 * without them. The message names the column and the value.
 */
public class RejectedRowsException extends WarehouseException {

    public RejectedRowsException(String message, Throwable cause) {
        super(message, cause);
    }

    public RejectedRowsException(String message) {
        super(message);
    }
}
