package org.d8a.protocol.ga4.columns;

import org.d8a.columns.BrokenEventException;
import org.d8a.enrich.currency.CurrencyConversionException;
import org.d8a.enrich.currency.CurrencyConverter;
import org.d8a.enrich.currency.UsdAmounts;
import org.d8a.sessions.Event;

/**
 * The USD value of an event's amounts (spec §5). The currency is the request's {@code cu}, which gtag sends with every
 * ecommerce event, and {@code ep.currency} ({@code params_currency}) when {@code cu} is absent: a deliberate fix, the
 * reference reads only {@code ep.currency}, so unmodified gtag traffic had no USD values there.
 */
final class UsdConversion {

    private final CurrencyConverter currencies;

    UsdConversion(CurrencyConverter currencies) {
        this.currencies = currencies;
    }

    /** {@code value} in USD, rounded as the spec says; null without a currency, a value or a rate. */
    Double toUsd(Event event, Object value) throws BrokenEventException {
        try {
            return UsdAmounts.toUsd(currencies, currencyOf(event), value);
        } catch (CurrencyConversionException e) {
            throw new BrokenEventException("currency conversion failed: " + e.getMessage());
        }
    }

    private static String currencyOf(Event event) {
        String cu = event.hit().param("cu");
        if (!cu.isEmpty()) {
            return cu;
        }
        Object param = event.values().get("params_currency");
        return param instanceof String currency ? currency : null;
    }
}
