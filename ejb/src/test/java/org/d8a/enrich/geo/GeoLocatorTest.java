package org.d8a.enrich.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Level;
import org.d8a.config.TestConfig;
import org.d8a.enrich.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The geo provider on MaxMind's test databases (spec §6.1, §6.2, V36): names of known addresses, the reference's
 * {@code ""} record for unknown ones, no location for what is not an address or when geo is off, the best file of the
 * directory, swapping to a newer file, and bad files that are skipped and said once, never thrown.
 */
class GeoLocatorTest {

    /** MaxMind's test databases, in the shared folder beside the repository (surefire names it). */
    private static final Path TEST_DATA = Path.of(System.getProperty("d8a.test.geoip", "../../shared/data/geoip-test"));

    /** Knows 149.101.100.0/28 (United States, no city); GeoLite2-City-Test does not. */
    private static final Path GEOIP2_CITY = TEST_DATA.resolve("GeoIP2-City-Test.mmdb");
    private static final Path GEOLITE2_CITY = TEST_DATA.resolve("GeoLite2-City-Test.mmdb");
    private static final Path GEOIP2_COUNTRY = TEST_DATA.resolve("GeoIP2-Country-Test.mmdb");

    private static final GeoLocation LONDON = new GeoLocation("London", "England", "United Kingdom", "Europe");
    private static final GeoLocation UNITED_STATES = new GeoLocation("", null, "United States", "North America");
    private static final GeoLocation NOT_FOUND = new GeoLocation("", null, "", "");

    @TempDir
    Path dir;

    @Test
    void knownAddressesGiveTheEnglishNamesOfCityFirstSubdivisionCountryAndContinent() throws IOException {
        MmdbGeoLocator geo = locator(dir, Map.of("dbip-city-lite-2026-01.mmdb", GEOIP2_CITY));
        assertEquals(Optional.of(LONDON), geo.locate("81.2.69.142"));
        assertEquals(Optional.of(new GeoLocation("Boxford", "England", "United Kingdom", "Europe")),
                geo.locate("2.125.160.216"), "subdivisions[0] is the region (England, not West Berkshire)");
        assertEquals(Optional.of(new GeoLocation("Linköping", "Östergötland County", "Sweden", "Europe")),
                geo.locate("89.160.20.112"));
        assertEquals(Optional.of(new GeoLocation("Milton", "Washington", "United States", "North America")),
                geo.locate("216.160.83.56"));
        assertEquals(Optional.of(new GeoLocation("", null, "Japan", "Asia")), geo.locate("2001:218::1"));
    }

    @Test
    void aRecordWithoutANameGivesEmptyNamesAndANullRegion() throws IOException {
        MmdbGeoLocator geo = locator(dir, Map.of("dbip.mmdb", GEOIP2_CITY));
        assertEquals(Optional.of(UNITED_STATES), geo.locate("149.101.100.1"), "no city, no subdivision");
        assertEquals(Optional.of(NOT_FOUND), geo.locate("214.1.1.1"), "a record with no names at all");
    }

    @Test
    void anAddressTheDatabaseDoesNotHoldGivesTheReferencesEmptyStringRecord() throws IOException {
        MmdbGeoLocator geo = locator(dir, Map.of("dbip.mmdb", GEOIP2_CITY));
        assertEquals(Optional.of(NOT_FOUND), geo.locate("127.0.0.1"));
        assertEquals(Optional.of(NOT_FOUND), geo.locate("10.0.0.1"));
        assertEquals(Optional.of(NOT_FOUND), geo.locate("192.168.1.0"), "a masked address is looked up as it is");
    }

    @Test
    void whatIsNotAnAddressIsNotLocated() throws IOException {
        MmdbGeoLocator geo = locator(dir, Map.of("dbip.mmdb", GEOIP2_CITY));
        for (String ip : new String[] {"", "unknown", "81.2.69", "81.2.69.1420", "localhost", null}) {
            assertEquals(Optional.empty(), geo.locate(ip), String.valueOf(ip));
        }
    }

    @Test
    void disabledGeoLocatesNothingEvenWithADatabaseInPlace() throws IOException {
        Files.copy(GEOIP2_CITY, dir.resolve("dbip.mmdb"));
        MmdbGeoLocator geo = new MmdbGeoLocator(new GeoSettings(TestConfig.of(Map.of(
                "dbip.destination_directory", dir.toString()))));
        geo.scan();
        assertEquals(Optional.empty(), geo.locate("81.2.69.142"));
    }

    @Test
    void anEmptyOrMissingDirectoryLocatesNothingAndSaysSoOnce() throws IOException {
        try (CapturedLog log = CapturedLog.of(MmdbGeoLocator.class)) {
            MmdbGeoLocator empty = locator(dir, Map.of());
            empty.scan();
            assertEquals(Optional.empty(), empty.locate("81.2.69.142"));

            MmdbGeoLocator missing = locator(dir.resolve("nowhere"), Map.of());
            missing.scan();
            assertEquals(Optional.empty(), missing.locate("81.2.69.142"));

            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("holds no .mmdb file"), warnings.get(0));
            assertTrue(warnings.get(1).contains("does not exist"), warnings.get(1));
            assertFalse(log.hasErrors());
        }
    }

    @Test
    void theBestFileOfTheDirectoryIsUsed() throws IOException {
        MmdbGeoLocator geo = locator(dir, Map.of("dbip-city-lite-2025-12.mmdb", GEOIP2_CITY,
                "dbip-city-lite-2026-01.mmdb", GEOLITE2_CITY, "zzz.mmdb", GEOIP2_CITY));
        assertEquals(Optional.of(NOT_FOUND), geo.locate("149.101.100.1"), "GeoLite2 (2026-01) is the one in use");
    }

    @Test
    void aNewerFileIsSwappedInAndTheAnswersOfTheOldOneAreForgotten() throws IOException {
        MmdbGeoLocator geo = locator(dir, Map.of("dbip-city-lite-2026-01.mmdb", GEOLITE2_CITY));
        assertEquals(Optional.of(NOT_FOUND), geo.locate("149.101.100.1"));

        Files.copy(GEOIP2_CITY, dir.resolve("dbip-city-lite-2026-02.mmdb"));
        geo.scan();
        assertEquals(Optional.of(UNITED_STATES), geo.locate("149.101.100.1"), "not the cached answer of 2026-01");
        assertEquals(Optional.of(LONDON), geo.locate("81.2.69.142"));
    }

    @Test
    void aFileReplacedUnderTheSameNameIsReopened() throws IOException {
        MmdbGeoLocator geo = locator(dir, Map.of("dbip.mmdb", GEOLITE2_CITY));
        assertEquals(Optional.of(NOT_FOUND), geo.locate("149.101.100.1"));

        // the way an operator should replace a database: write it beside, then move it over the old name
        Path next = Files.copy(GEOIP2_CITY, dir.resolve("dbip.mmdb.part"));
        Files.move(next, dir.resolve("dbip.mmdb"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        geo.scan();
        assertEquals(Optional.of(UNITED_STATES), geo.locate("149.101.100.1"));
    }

    @Test
    void aCorruptBestFileIsSkippedForTheNextOneAndSaidOnceAsAWarning() throws IOException {
        try (CapturedLog log = CapturedLog.of(MmdbGeoLocator.class)) {
            MmdbGeoLocator geo = locator(dir, Map.of("dbip-city-lite-2026-01.mmdb", GEOIP2_CITY));
            Files.write(dir.resolve("dbip-city-lite-2026-05.mmdb"), randomBytes(4096));
            geo.scan();
            geo.scan();

            assertEquals(Optional.of(LONDON), geo.locate("81.2.69.142"), "2026-01 stays in use");
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("dbip-city-lite-2026-05.mmdb"), warnings.get(0));
            assertFalse(log.hasErrors());
            assertFalse(log.hasStackTraces());
        }
    }

    @Test
    void aCorruptFileAloneLocatesNothingAndAFileOfAnotherKindIsRefusedToo() throws IOException {
        try (CapturedLog log = CapturedLog.of(MmdbGeoLocator.class)) {
            Files.write(dir.resolve("dbip-city-lite-2026-05.mmdb"), randomBytes(100_000));
            Files.copy(GEOIP2_COUNTRY, dir.resolve("dbip-city-lite-2026-04.mmdb"));
            MmdbGeoLocator geo = locator(dir, Map.of());
            geo.scan();

            assertEquals(Optional.empty(), geo.locate("81.2.69.142"));
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(1).contains("dbip-city-lite-2026-04.mmdb")
                    && warnings.get(1).contains("not a City database"), warnings.get(1));

            Files.copy(GEOIP2_CITY, dir.resolve("dbip-city-lite-2026-05.mmdb"), StandardCopyOption.REPLACE_EXISTING);
            geo.scan();
            assertEquals(Optional.of(LONDON), geo.locate("81.2.69.142"), "a refused file is retried once it changed");
        }
    }

    @Test
    void aLookupThatFailsGivesNoLocationAndOneWarningInsteadOfBreakingTheEvent() throws IOException {
        // GeoIP2-City-Test with the type byte of the string "London" changed: the records of London no longer decode
        byte[] database = Files.readAllBytes(GEOIP2_CITY);
        byte[] london = "\u0046London".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(database, london);
        database[at] = (byte) 0xE6;
        Files.write(dir.resolve("dbip.mmdb"), database);

        try (CapturedLog log = CapturedLog.of(CityDatabase.class)) {
            MmdbGeoLocator geo = locator(dir, Map.of());
            assertEquals(Optional.empty(), geo.locate("81.2.69.142"));
            assertEquals(Optional.empty(), geo.locate("81.2.69.142"));
            assertEquals(Optional.empty(), geo.locate("81.2.69.160"));
            assertEquals(Optional.of(new GeoLocation("Boxford", "England", "United Kingdom", "Europe")),
                    geo.locate("2.125.160.216"), "the other records still answer");
            assertEquals(1, log.messages(Level.WARNING).size(), log.messages(Level.WARNING).toString());
            assertFalse(log.hasErrors());
        }
    }

    /** An enabled locator on {@code directory} with the given database copies, after its first scan. */
    private static MmdbGeoLocator locator(Path directory, Map<String, Path> databases) throws IOException {
        for (Map.Entry<String, Path> database : databases.entrySet()) {
            Files.copy(database.getValue(), directory.resolve(database.getKey()));
        }
        MmdbGeoLocator geo = new MmdbGeoLocator(new GeoSettings(TestConfig.of(Map.of("dbip.enabled", "true",
                "dbip.destination_directory", directory.toString()))));
        geo.scan();
        return geo;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(12).nextBytes(bytes);
        return bytes;
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not in the test database");
    }
}
