package org.d8a.warehouse;

import jakarta.ejb.ApplicationException;

/** The warehouse did not take the rows; they stay spooled and are delivered again later. */
@ApplicationException(rollback = true)
public class WarehouseException extends Exception {

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }

    public WarehouseException(String message) {
        super(message);
    }
}
