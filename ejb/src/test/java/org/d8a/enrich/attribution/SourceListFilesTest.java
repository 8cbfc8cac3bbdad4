package org.d8a.enrich.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.d8a.config.TestConfig;
import org.junit.jupiter.api.Test;

/** The sanity of our built-in source lists. */
class SourceListFilesTest {

    private static final Map<Medium, List<KnownSource>> LISTS = BuiltInSources.load();

    @Test
    void everyListHasAtLeastItsNumberOfEntries() {
        assertAtLeast(100, Medium.ORGANIC);
        assertAtLeast(100, Medium.SOCIAL);
        assertAtLeast(20, Medium.AI);
        assertAtLeast(15, Medium.VIDEO);
        assertAtLeast(30, Medium.EMAIL);
        assertAtLeast(2, Medium.REFERRAL);
    }

    private static void assertAtLeast(int floor, Medium medium) {
        int size = LISTS.get(medium).size();
        assertTrue(size >= floor, medium + " has " + size + " entries, expected at least " + floor);
    }

    @Test
    void everyHostPatternIsWrittenInLowerCase() {
        for (Medium medium : Medium.values()) {
            for (Object entry : BuiltInSources.read(medium.file())) {
                for (Object host : (List<?>) ((Map<?, ?>) entry).get("hosts")) {
                    assertEquals(host.toString().toLowerCase(Locale.ROOT), host, medium.file());
                }
            }
        }
    }

    @Test
    void noHostPatternOrSourceNameIsListedTwiceInAMedium() {
        for (Medium medium : Medium.values()) {
            Set<String> hosts = new HashSet<>();
            Set<String> names = new HashSet<>();
            Set<String> duplicates = new TreeSet<>();
            for (KnownSource source : LISTS.get(medium)) {
                if (!names.add(Normalisation.value(source.name()))) {
                    duplicates.add(source.name());
                }
                source.hosts().forEach(host -> {
                    if (!hosts.add(host.text())) {
                        duplicates.add(host.text());
                    }
                });
            }
            assertEquals(Set.of(), duplicates, medium.file());
        }
    }

    @Test
    void aPatternMoreSpecificThanAnotherEntrysComesFirst() {
        List<String> misordered = new ArrayList<>();
        for (Medium medium : Medium.values()) {
            List<KnownSource> sources = LISTS.get(medium);
            for (int earlier = 0; earlier < sources.size(); earlier++) {
                for (int later = earlier + 1; later < sources.size(); later++) {
                    for (HostPattern parent : sources.get(earlier).hosts()) {
                        for (HostPattern child : sources.get(later).hosts()) {
                            if (child.text().endsWith("." + parent.text())) {
                                misordered.add(child + " after " + parent + " in " + medium.file());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), misordered);
    }

    @Test
    void onlySearchEnginesHaveWildcardsAndEverySearchEngineHasATermParameter() {
        for (Medium medium : Medium.values()) {
            for (KnownSource source : LISTS.get(medium)) {
                if (medium == Medium.ORGANIC) {
                    assertTrue(!source.termParameters().isEmpty(), source.name());
                } else {
                    assertTrue(source.hosts().stream().allMatch(HostPattern::isPlain), source.name());
                }
            }
        }
    }

    /** No host of a list is taken by an earlier list or an earlier entry: e.g. no webmail host is a search engine's. */
    @Test
    void everyListedHostIsAttributedToItsOwnEntry() {
        ListAttribution attribution = new ListAttribution(TestConfig.of(Map.of()));
        List<String> shadowed = new ArrayList<>();
        for (Medium medium : Medium.values()) {
            for (KnownSource source : LISTS.get(medium)) {
                TrafficSource expected = new TrafficSource(Normalisation.value(source.name()), medium.label(), "");
                for (HostPattern host : source.hosts()) {
                    if (host.isPlain()) {
                        TrafficSource actual = attribution.attribute("", "https://" + host.text() + "/", false);
                        if (!actual.equals(expected)) {
                            shadowed.add(host + " is " + actual + ", not " + expected);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), shadowed);
    }
}
