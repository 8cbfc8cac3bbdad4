package org.d8a.enrich.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.d8a.enrich.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot files (spec §5 persistence, V37 {@code file_store}): the newest valid one wins, and how one is written. */
class CurrencySnapshotFilesTest {

    private static final Instant MARCH_20 = Instant.parse("2026-03-20T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anInvalidNewestFileIsSkippedForTheOlderValidOne() throws IOException {
        Files.writeString(dir.resolve("rates-20260320T090000.000000000Z.json"),
                "{\"created_at\":\"2026-03-20T09:00:00Z\",\"rates\":{\"usd\":{\"eur\":0.9}}}");
        Files.writeString(dir.resolve("rates-99999999T999999.000000000Z.json"),
                "{\"created_at\":\"2026-03-21T09:00:00Z\",\"rates\":{}}");
        try (CapturedLog log = CapturedLog.of(SnapshotFiles.class)) {
            SnapshotFiles files = new SnapshotFiles(dir);
            assertEquals(Optional.of(new RatesSnapshot(MARCH_20, Map.of("usd", Map.of("eur", 0.9)))), files.newest());
            files.newest();
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(1, warnings.size(), "each invalid file is named once: " + warnings);
            assertTrue(warnings.get(0).contains("rates-99999999T999999.000000000Z.json"), warnings.get(0));
        }
    }

    @Test
    void aFileWithoutCreationTimeOrWithTheZeroTimeOrThatIsNotJsonIsInvalidToo() throws IOException {
        Files.writeString(dir.resolve("rates-20260320T090000.000000000Z.json"),
                "{\"created_at\":\"2026-03-20T09:00:00Z\",\"rates\":{\"usd\":{\"eur\":0.9}}}");
        Files.writeString(dir.resolve("rates-20260321T000000.000000000Z.json"), "{\"rates\":{\"usd\":{\"eur\":1}}}");
        Files.writeString(dir.resolve("rates-20260322T000000.000000000Z.json"),
                "{\"created_at\":\"0001-01-01T00:00:00Z\",\"rates\":{\"usd\":{\"eur\":1}}}");
        Files.writeString(dir.resolve("rates-20260323T000000.000000000Z.json"), "{\"created_at\":");
        Files.writeString(dir.resolve("rates-20260324T000000.000000000Z.json"),
                "{\"created_at\":\"2026-03-24T00:00:00Z\",\"rates\":{\"usd\":{\"eur\":\"1\"}}}");
        Files.writeString(dir.resolve("rates-20260325T000000.000000000Z.json"),
                "{\"created_at\":\"2026-03-25T00:00:00Z\",\"rates\":{\" \":{\"eur\":1},\"usd\":{\"\":1}}}");
        Files.writeString(dir.resolve("zzz.json"), "{\"created_at\":\"2026-03-26T00:00:00Z\",\"rates\":{\"usd\":{\"eur\":1}}}");
        assertEquals(MARCH_20, new SnapshotFiles(dir).newest().orElseThrow().createdAt());
    }

    @Test
    void noDirectoryOrNoFileIsNoSnapshot() throws IOException {
        assertEquals(Optional.empty(), new SnapshotFiles(dir.resolve("missing")).newest());
        assertEquals(Optional.empty(), new SnapshotFiles(dir).newest());
    }

    @Test
    void aWrittenSnapshotIsNamedAfterItsCreationTimeAndReadsBackWithNormalisedCodes() throws IOException {
        SnapshotFiles files = new SnapshotFiles(dir.resolve("currency"));
        Instant created = Instant.parse("2026-03-20T09:00:00.123456789Z");
        Path written = files.write(new RatesSnapshot(created, Map.of(" USD ", Map.of("EUR", 0.9, "gbp", 0.8))));

        assertEquals("rates-20260320T090000.123456789Z.json", written.getFileName().toString());
        assertEquals(Optional.of(new RatesSnapshot(created, Map.of("usd", Map.of("eur", 0.9, "gbp", 0.8)))),
                files.newest());
        try (Stream<Path> all = Files.list(dir.resolve("currency"))) {
            assertEquals(List.of(written), all.toList(), "nothing half-written is left beside it");
        }
        String json = Files.readString(written);
        assertTrue(json.contains("\"created_at\":\"2026-03-20T09:00:00.123456789Z\""), json);
        assertFalse(json.contains("USD"), json);
    }
}
