package org.d8a.enrich.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The download of rates against an HTTP server in the test (V37 {@code downloader}). */
class CurrencyDownloaderTest {

    private static final Instant NOW = Instant.parse("2026-03-21T12:00:00Z");

    @Test
    void eachBaseGivesTheRatesUnderItsKey() throws Exception {
        try (RatesServer server = RatesServer.start()) {
            server.answer("/primary/usd.json", 200, "{\"date\":\"2026-03-21\",\"usd\":{\"eur\":0.9}}")
                    .answer("/primary/eur.json", 200, "{\"eur\":{\"usd\":1.1}}");
            RatesSnapshot snapshot = downloader(server, "USD", "EUR").download(NOW);

            assertEquals(new RatesSnapshot(NOW, Map.of("usd", Map.of("eur", 0.9), "eur", Map.of("usd", 1.1))),
                    snapshot);
            assertEquals(List.of("/primary/usd.json application/json", "/primary/eur.json application/json"),
                    server.requests());
        }
    }

    @Test
    void aFailingPrimaryFallsBack() throws Exception {
        try (RatesServer server = RatesServer.start()) {
            server.answer("/primary/usd.json", 500, "oops").answer("/fallback/usd.json", 200, "{\"usd\":{\"gbp\":0.8}}");
            assertEquals(Map.of("usd", Map.of("gbp", 0.8)), downloader(server, "USD").download(NOW).rates());
        }
    }

    @Test
    void aRateThatIsNotANumberFailsTheDownload() throws IOException {
        try (RatesServer server = RatesServer.start()) {
            server.answer("/primary/usd.json", 200, "{\"usd\":{\"eur\":\"bad\"}}");
            RatesDownloadException failure = assertThrows(RatesDownloadException.class,
                    () -> downloader(server, "USD").download(NOW));
            assertTrue(failure.getMessage().contains("eur is not a number"), failure.getMessage());
        }
    }

    @Test
    void oneBaseThatFailsEverywhereFailsTheWholeDownload() throws IOException {
        try (RatesServer server = RatesServer.start()) {
            server.answer("/primary/usd.json", 200, "{\"usd\":{\"eur\":0.9}}")
                    .answer("/primary/eur.json", 200, "{\"usd\":{\"eur\":0.9}}")
                    .answer("/fallback/eur.json", 200, "not json");
            RatesDownloadException failure = assertThrows(RatesDownloadException.class,
                    () -> downloader(server, "USD", "EUR").download(NOW));
            assertTrue(failure.getMessage().contains("no rates for eur"), failure.getMessage());
            assertTrue(failure.getMessage().contains("no object under \"eur\""), failure.getMessage());
            assertTrue(failure.getMessage().contains("not a JSON object"), failure.getMessage());
        }
    }

    @Test
    void anUnreachableSourceIsAFailureNotACrash() throws IOException {
        RatesServer closed = RatesServer.start();
        String template = closed.template("primary");
        closed.close();
        RatesDownloader downloader = new RatesDownloader(List.of(template), List.of("usd"));
        assertThrows(RatesDownloadException.class, () -> downloader.download(NOW));
    }

    private static RatesDownloader downloader(RatesServer server, String... bases) {
        return new RatesDownloader(List.of(server.template("primary"), server.template("fallback")),
                List.of(bases));
    }
}
