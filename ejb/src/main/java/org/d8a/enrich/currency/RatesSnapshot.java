package org.d8a.enrich.currency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One set of rates, {@code rates[base][quote]} = how much of {@code quote} one {@code base} buys, with lower-case
 * codes, and when it was made (spec §5). Beyond the reference's direct rates, any two currencies the snapshot knows
 * convert (ARCHITECTURE.md, deliberate fix): see {@link #rate}.
 */
record RatesSnapshot(Instant createdAt, Map<String, Map<String, Double>> rates) {

    /** The pivots tried first for a cross rate: the bases that quote the most currencies. */
    private static final List<String> PREFERRED_PIVOTS = List.of("usd", "eur");

    /** Codes trimmed and lower-cased; empty codes, and so bases without quotes, are left out. */
    RatesSnapshot {
        Objects.requireNonNull(createdAt);
        Map<String, Map<String, Double>> normalised = new TreeMap<>();
        rates.forEach((base, quotes) -> quotes.forEach((quote, rate) -> {
            if (!code(base).isEmpty() && !code(quote).isEmpty()) {
                normalised.computeIfAbsent(code(base), key -> new TreeMap<>()).put(code(quote), rate);
            }
        }));
        rates = normalised.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Map.copyOf(entry.getValue())));
    }

    /** A currency code as the rates spell it: trimmed, lower case. */
    static String code(String currency) {
        return currency.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The rate from {@code base} to {@code quote} (both normalised, different), the first that exists of: the direct
     * rate {@code rates[base][quote]}; the inverse {@code 1 / rates[quote][base]}; a cross rate
     * {@code rates[pivot][quote] / rates[pivot][base]} through the pivot {@code usd}, then {@code eur}, then every
     * other base in alphabetical order. A rate of zero is never divided by. Empty when no way exists.
     */
    OptionalDouble rate(String base, String quote) {
        Double direct = rate(rates.get(base), quote);
        if (direct != null) {
            return OptionalDouble.of(direct);
        }
        Double inverse = rate(rates.get(quote), base);
        if (usable(inverse)) {
            return OptionalDouble.of(1 / inverse);
        }
        for (String pivot : pivots()) {
            Map<String, Double> quotes = rates.get(pivot);
            Double toQuote = rate(quotes, quote);
            Double toBase = rate(quotes, base);
            if (toQuote != null && usable(toBase)) {
                return OptionalDouble.of(toQuote / toBase);
            }
        }
        return OptionalDouble.empty();
    }

    private List<String> pivots() {
        List<String> pivots = new ArrayList<>(PREFERRED_PIVOTS);
        rates.keySet().stream().filter(base -> !PREFERRED_PIVOTS.contains(base)).sorted().forEach(pivots::add);
        return pivots;
    }

    private static Double rate(Map<String, Double> quotes, String quote) {
        return quotes == null ? null : quotes.get(quote);
    }

    private static boolean usable(Double divisor) {
        return divisor != null && divisor != 0;
    }
}
