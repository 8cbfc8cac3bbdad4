package org.d8a.enrich.currency;

import java.util.OptionalDouble;

/** Converts amounts between currencies at the rates of the newest snapshot. Thread-safe. */
public interface CurrencyConverter {

    /**
     * {@code amount} in {@code quote}, unrounded; empty when the conversion is unavailable (no rates loaded, a currency
     * the rates do not know).
     *
     * @throws CurrencyConversionException when a currency code is blank, which breaks the event (spec §5)
     */
    OptionalDouble convert(String base, String quote, double amount) throws CurrencyConversionException;
}
