package org.d8a.enrich.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.d8a.config.TestConfig;
import org.d8a.enrich.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The currency provider (spec §5, V37 {@code conversion}): the newest snapshot converts, nothing converts without one,
 * blank codes break the event, any two known currencies convert through cross rates (our deliberate fix), and the
 * refresh that downloads only when the newest snapshot is as old as the interval.
 */
class CurrencyConverterTest {

    private static final Instant NOW = Instant.parse("2026-03-21T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void withoutASnapshotEveryConversionIsUnavailableAndNoError() throws CurrencyConversionException {
        SnapshotCurrencyConverter converter = converter(Map.of());
        converter.loadNewest();
        assertEquals(OptionalDouble.empty(), converter.convert("EUR", "USD", 12.34));
        assertEquals(OptionalDouble.empty(), converter.convert("USD", "EUR", 10));
    }

    @Test
    void theNewestSnapshotWins() throws Exception {
        write("rates-20260320T000000.000000000Z.json", "2026-03-20T00:00:00Z", "{\"usd\":{\"eur\":0.9}}");
        write("rates-20260321T000000.000000000Z.json", "2026-03-21T00:00:00Z", "{\"usd\":{\"eur\":0.95}}");
        SnapshotCurrencyConverter converter = converter(Map.of());
        converter.loadNewest();
        assertEquals(9.5, converter.convert("USD", "EUR", 10).getAsDouble(), 1e-12);
    }

    @Test
    void codesAreTrimmedAndLowerCasedAndTheSameCurrencyIsTheAmountItself() throws Exception {
        write("rates-20260321T000000.000000000Z.json", "2026-03-21T00:00:00Z", "{\"usd\":{\"eur\":0.5}}");
        SnapshotCurrencyConverter converter = converter(Map.of());
        assertEquals(OptionalDouble.of(12.34), converter.convert(" Eur", "eur ", 12.34), "before any snapshot");
        converter.loadNewest();
        assertEquals(OptionalDouble.of(5.0), converter.convert(" USD ", "Eur", 10));
    }

    @Test
    void aBlankCodeIsAnErrorThatBreaksTheEvent() {
        SnapshotCurrencyConverter converter = converter(Map.of());
        assertThrows(CurrencyConversionException.class, () -> converter.convert(" ", "USD", 1));
        assertThrows(CurrencyConversionException.class, () -> converter.convert("EUR", "", 1));
        assertThrows(CurrencyConversionException.class, () -> converter.convert(null, "USD", 1));
    }

    @Test
    void directRatesComeFirstThenInverseRates() throws Exception {
        write("rates-20260321T000000.000000000Z.json", "2026-03-21T00:00:00Z",
                "{\"usd\":{\"eur\":0.8,\"pln\":4.0},\"eur\":{\"usd\":1.2}}");
        SnapshotCurrencyConverter converter = converter(Map.of());
        converter.loadNewest();
        assertEquals(OptionalDouble.of(8.0), converter.convert("USD", "EUR", 10), "direct");
        assertEquals(OptionalDouble.of(12.0), converter.convert("EUR", "USD", 10), "direct, not 1 / 0.8");
        assertEquals(OptionalDouble.of(2.5), converter.convert("PLN", "USD", 10), "inverse of usd→pln");
        assertEquals(OptionalDouble.empty(), converter.convert("XYZ", "USD", 10), "a currency no rate knows");
    }

    @Test
    void crossRatesGoThroughUsdThenEurThenTheOtherBasesAlphabetically() throws Exception {
        // each base gives pln→sek a different cross rate, so the result names the pivot used
        write("rates-20260321T000000.000000000Z.json", "2026-03-21T00:00:00Z",
                "{\"usd\":{\"pln\":4.0,\"sek\":10.0},\"eur\":{\"pln\":4.0,\"sek\":12.0},"
                        + "\"chf\":{\"pln\":4.0,\"huf\":400.0,\"czk\":20.0},\"cad\":{\"pln\":2.0,\"huf\":100.0}}");
        SnapshotCurrencyConverter converter = converter(Map.of());
        converter.loadNewest();
        assertEquals(25.0, converter.convert("PLN", "SEK", 10).getAsDouble(), 1e-12, "via usd: 10 / 4");
        assertEquals(500.0, converter.convert("PLN", "HUF", 10).getAsDouble(), 1e-12, "via cad (before chf): 100 / 2");
        assertEquals(50.0, converter.convert("PLN", "CZK", 10).getAsDouble(), 1e-12, "via chf, the only one: 20 / 4");
        assertEquals(OptionalDouble.empty(), converter.convert("SEK", "CZK", 10), "no base quotes both");
    }

    @Test
    void aPivotRateOfZeroIsNeverDividedBy() throws Exception {
        write("rates-20260321T000000.000000000Z.json", "2026-03-21T00:00:00Z",
                "{\"usd\":{\"pln\":0,\"sek\":10.0},\"eur\":{\"pln\":4.0,\"sek\":12.0}}");
        SnapshotCurrencyConverter converter = converter(Map.of());
        converter.loadNewest();
        assertEquals(30.0, converter.convert("PLN", "SEK", 10).getAsDouble(), 1e-12, "usd is skipped: via eur");
    }

    @Test
    void aYoungLocalSnapshotIsUsedWithoutDownloading() throws Exception {
        write("rates-20260321T100000.000000000Z.json", "2026-03-21T10:00:00Z", "{\"usd\":{\"eur\":0.9}}");
        try (RatesServer server = RatesServer.start()) {
            SnapshotCurrencyConverter converter = converter(sources(server));
            converter.refresh();
            assertEquals(List.of(), server.requests(), "2 h old, younger than 6 h");
            assertEquals(OptionalDouble.of(9.0), converter.convert("USD", "EUR", 10));
        }
    }

    @Test
    void anOldSnapshotIsReplacedByADownloadWrittenAsANewFile() throws Exception {
        write("rates-20260321T000000.000000000Z.json", "2026-03-21T00:00:00Z", "{\"usd\":{\"eur\":0.9}}");
        try (RatesServer server = RatesServer.start()) {
            answerEveryBase(server, "{\"%s\":{\"eur\":0.5}}");
            SnapshotCurrencyConverter converter = converter(sources(server));
            converter.loadNewest();
            converter.refresh();

            assertEquals(RatesDownloader.BASES.stream().map(base -> "/primary/" + base + ".json application/json")
                    .toList(), server.requests(), "12 h old: every base is downloaded");
            assertEquals(OptionalDouble.of(5.0), converter.convert("USD", "EUR", 10));
            assertTrue(Files.exists(dir.resolve("rates-20260321T120000.000000000Z.json")));
            assertEquals(OptionalDouble.of(0.5), converter(Map.of()).loadNewest().orElseThrow().rate("usd", "eur"),
                    "the download is what the next start reads");
        }
    }

    @Test
    void failedDownloadsKeepTheSnapshotInUseAndAreSaidOncePerStreak() throws Exception {
        write("rates-20260320T000000.000000000Z.json", "2026-03-20T00:00:00Z", "{\"usd\":{\"eur\":0.9}}");
        try (RatesServer server = RatesServer.start(); CapturedLog log = CapturedLog.of(SnapshotCurrencyConverter.class)) {
            SnapshotCurrencyConverter converter = converter(sources(server));
            converter.refresh();
            converter.refresh();
            assertEquals(OptionalDouble.of(9.0), converter.convert("USD", "EUR", 10), "the old snapshot stays");
            assertEquals(1, log.messages(Level.WARNING).size(), log.messages(Level.WARNING).toString());

            answerEveryBase(server, "{\"%s\":{\"eur\":0.5}}");
            converter.refresh();
            assertEquals(OptionalDouble.of(5.0), converter.convert("USD", "EUR", 10));
            assertEquals(List.of("currency rates downloaded again"), log.messages(Level.INFO));

            assertFalse(log.hasErrors());
            assertFalse(log.hasStackTraces());
        }
    }

    @Test
    void offlineWithoutAnySnapshotNothingConvertsAndNothingFails() throws Exception {
        RatesServer closed = RatesServer.start();
        Map<String, String> offline = sources(closed);
        closed.close();
        try (CapturedLog log = CapturedLog.of(SnapshotCurrencyConverter.class)) {
            SnapshotCurrencyConverter converter = converter(offline);
            converter.refresh();
            assertEquals(OptionalDouble.empty(), converter.convert("EUR", "USD", 10));
            assertEquals(1, log.messages(Level.WARNING).size());
            assertTrue(log.messages(Level.WARNING).get(0).contains("no rates"), log.messages(Level.WARNING).get(0));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(0, files.count(), "no snapshot is made of a failed download");
            }
        }
    }

    private SnapshotCurrencyConverter converter(Map<String, String> keys) {
        Map<String, String> config = new HashMap<>(keys);
        config.put("currency.destination_directory", dir.toString());
        return new SnapshotCurrencyConverter(new CurrencySettings(TestConfig.of(config)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, String> sources(RatesServer server) {
        return Map.of("currency.source_url", server.template("primary"), "currency.fallback_url",
                server.template("fallback"));
    }

    private static void answerEveryBase(RatesServer server, String format) {
        RatesDownloader.BASES.forEach(base -> server.answer("/primary/" + base + ".json", 200,
                String.format(format, base)));
    }

    private void write(String name, String createdAt, String rates) throws IOException {
        Files.writeString(dir.resolve(name), "{\"created_at\":\"" + createdAt + "\",\"rates\":" + rates + "}");
    }
}
