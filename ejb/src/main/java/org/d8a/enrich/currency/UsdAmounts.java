package org.d8a.enrich.currency;

import java.util.OptionalDouble;

/**
 * The value of an {@code *_in_usd} column or item field (spec §5): an amount in the event's currency, converted to US
 * dollars and rounded to cents. The column decides which currency code the event has; this is the rest.
 */
public final class UsdAmounts {

    private static final String USD = "USD";

    private UsdAmounts() {
    }

    /**
     * In order: no currency, or a value that is not a double → null (the reference passes a non-float value through
     * unchanged when the currency is {@code USD}; a double column cannot hold one); currency exactly {@code USD}
     * (case-sensitive) → the value unchanged, not rounded; a conversion the rates cannot make → null; otherwise the
     * converted value, rounded half to even to 2 decimals ({@code usd} in lower case is converted, and so rounded).
     *
     * @throws CurrencyConversionException when the currency is blank, which breaks the event
     */
    public static Double toUsd(CurrencyConverter converter, String currency, Object value)
            throws CurrencyConversionException {
        if (currency == null || !(value instanceof Double amount)) {
            return null;
        }
        if (currency.equals(USD)) {
            return amount;
        }
        OptionalDouble converted = converter.convert(currency, USD, amount);
        return converted.isPresent() ? BankersRounding.round(converted.getAsDouble(), 2) : null;
    }
}
