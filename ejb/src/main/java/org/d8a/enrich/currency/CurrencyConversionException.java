package org.d8a.enrich.currency;

/** A conversion that is not merely unavailable but wrong (a blank currency code): its event is broken. */
public class CurrencyConversionException extends Exception {

    public CurrencyConversionException(String message) {
        super(message);
    }
}
