package org.d8a.enrich.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalDouble;
import org.d8a.config.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversion of one value to US dollars, steps 1–5 of spec §5, with the spec's dummy converter (× factor). */
class UsdAmountsTest {

    /** The spec's test converter: every amount times 1.1, whatever the currencies. */
    private static final CurrencyConverter TIMES_1_1 = (base, quote, amount) -> OptionalDouble.of(amount * 1.1);

    private static final CurrencyConverter UNAVAILABLE = (base, quote, amount) -> OptionalDouble.empty();

    @TempDir
    Path dir;

    @Test
    void noCurrencyOrNoDoubleValueIsNull() throws CurrencyConversionException {
        assertNull(UsdAmounts.toUsd(TIMES_1_1, null, 10.0));
        assertNull(UsdAmounts.toUsd(TIMES_1_1, "EUR", null));
        assertNull(UsdAmounts.toUsd(TIMES_1_1, "EUR", "10.0"));
        assertNull(UsdAmounts.toUsd(TIMES_1_1, "EUR", 10));
    }

    @Test
    void exactlyUsdIsTheValueUnchangedAndNotRounded() throws CurrencyConversionException {
        assertEquals(1.125, UsdAmounts.toUsd(UNAVAILABLE, "USD", 1.125));
        assertEquals(1.005, UsdAmounts.toUsd(UNAVAILABLE, "USD", 1.005));
    }

    @Test
    void anyOtherCurrencyIsConvertedAndRoundedHalfToEven() throws CurrencyConversionException {
        assertEquals(11.0, UsdAmounts.toUsd(TIMES_1_1, "EUR", 10.0));
        assertEquals(13.57, UsdAmounts.toUsd(TIMES_1_1, "EUR", 12.34), "13.574000000000002");
        CurrencyConverter same = (base, quote, amount) -> OptionalDouble.of(amount);
        assertEquals(1.12, UsdAmounts.toUsd(same, "EUR", 1.125), "an exact half goes to the even cent");
        assertEquals(1.38, UsdAmounts.toUsd(same, "EUR", 1.375), "an exact half goes to the even cent");
        assertNull(UsdAmounts.toUsd(UNAVAILABLE, "EUR", 12.34), "unavailable is null, not an error");
    }

    @Test
    void lowerCaseUsdGoesThroughTheConverterAndIsRounded() throws CurrencyConversionException {
        SnapshotCurrencyConverter converter = new SnapshotCurrencyConverter(new CurrencySettings(TestConfig.of(
                Map.of("currency.destination_directory", dir.toString()))),
                Clock.fixed(Instant.parse("2026-03-21T12:00:00Z"), ZoneOffset.UTC));
        assertEquals(1.12, UsdAmounts.toUsd(converter, "usd", 1.125));
        assertEquals(1.125, UsdAmounts.toUsd(converter, "USD", 1.125));
    }

    @Test
    void aBlankCurrencyBreaksTheEvent() {
        SnapshotCurrencyConverter converter = new SnapshotCurrencyConverter(new CurrencySettings(TestConfig.of(
                Map.of("currency.destination_directory", dir.toString()))), Clock.systemUTC());
        assertThrows(CurrencyConversionException.class, () -> UsdAmounts.toUsd(converter, " ", 10.0));
        assertThrows(CurrencyConversionException.class, () -> UsdAmounts.toUsd(converter, "", 10.0));
    }
}
