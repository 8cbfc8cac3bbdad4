package org.d8a.enrich.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which file of the directory is used: spec §6.2 and the {@code selectBestMMDBFile} vectors of V36. */
class GeoFilePreferenceTest {

    @Test
    void theReferenceVectorsPickTheirFile() {
        assertEquals(Optional.of("dbip-city-lite-2026-01.mmdb"),
                MmdbFilePreference.best(List.of("dbip-city-lite-2025-12.mmdb", "dbip-city-lite-2026-01.mmdb")));
        assertEquals(Optional.of("dbip-city-lite-2026-02.mmdb"),
                MmdbFilePreference.best(List.of("dbip-city-lite-2026-01.mmdb", "dbip-city-lite-2026-02.mmdb")));
        assertEquals(Optional.of("dbip.mmdb"),
                MmdbFilePreference.best(List.of("dbip-city-lite.mmdb", "dbip-city.mmdb", "dbip.mmdb")));
        assertEquals(Optional.of("dbip-city-lite-2025-12.mmdb"),
                MmdbFilePreference.best(List.of("dbip-city-lite.mmdb", "dbip-city-lite-2025-12.mmdb")));
        assertEquals(Optional.empty(), MmdbFilePreference.best(List.of("other-file.txt")));
    }

    @Test
    void theYearCountsBeforeTheMonthAndTheOrderOfTheListingDoesNot() {
        assertEquals(Optional.of("a-2026-01.mmdb"),
                MmdbFilePreference.best(List.of("z-2025-12.mmdb", "a-2026-01.mmdb", "m-2025-11.mmdb")));
        assertEquals(Optional.of("a-2026-01.mmdb"),
                MmdbFilePreference.best(List.of("m-2025-11.mmdb", "a-2026-01.mmdb", "z-2025-12.mmdb")));
    }

    @Test
    void theWholeOrderIsKeptForFallingBackAndOtherFilesAreLeftOut() {
        assertEquals(List.of("dbip-city-lite-2026-02.mmdb", "dbip-city-lite-2026-01.mmdb", "dbip.mmdb",
                "dbip-city.mmdb"), MmdbFilePreference.bestFirst(List.of("dbip-city.mmdb", "notes.txt",
                        "dbip-city-lite-2026-01.mmdb", "dbip.mmdb", "dbip-city-lite-2026-02.mmdb",
                        "dbip-city-lite-2026-03.mmdb.tmp")));
    }

    @Test
    void equalVersionsAreOrderedByName() {
        assertEquals(List.of("geolite-2026-01.mmdb", "dbip-2026-01.mmdb"),
                MmdbFilePreference.bestFirst(List.of("dbip-2026-01.mmdb", "geolite-2026-01.mmdb")));
    }
}
