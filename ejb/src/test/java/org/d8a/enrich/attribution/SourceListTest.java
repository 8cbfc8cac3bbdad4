package org.d8a.enrich.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Matching within one list: the pattern kinds of spec §3.2 and the deterministic priority that fixes §3.5. */
class SourceListTest {

    private static KnownSource source(String name, String... hosts) {
        return new KnownSource(name, Medium.ORGANIC, Arrays.stream(hosts).map(HostPattern::parse).toList(),
                List.of("q"));
    }

    private static Optional<String> match(SourceList list, String referrer) {
        return list.find(Referrer.of(referrer, false)).map(KnownSource::name);
    }

    @Test
    void aPlainPatternMatchesItsHostAndItsSubdomainsOnly() {
        SourceList list = new SourceList(List.of(source("Example", "example.com")));
        assertEquals(Optional.of("Example"), match(list, "https://example.com/"));
        assertEquals(Optional.of("Example"), match(list, "https://a.b.example.com/"));
        assertEquals(Optional.empty(), match(list, "https://notexample.com/"));
        assertEquals(Optional.empty(), match(list, "https://example.com.evil.org/"));
        assertEquals(Optional.empty(), match(list, ""));
    }

    @Test
    void wildcardsMatchByPrefixSuffixOrAnywhere() {
        SourceList leading = new SourceList(List.of(source("Bing", "{}.bing.com")));
        assertEquals(Optional.of("Bing"), match(leading, "https://cn.bing.com/"));
        assertEquals(Optional.empty(), match(leading, "https://bing.com/"));
        SourceList trailing = new SourceList(List.of(source("Google", "google.{}")));
        assertEquals(Optional.of("Google"), match(trailing, "https://google.com.br/"));
        assertEquals(Optional.of("Google"), match(trailing, "https://www.google.de/"));
        assertEquals(Optional.empty(), match(trailing, "https://mail.google.com/"));
        SourceList anywhere = new SourceList(List.of(source("Ask", "images.{}.ask.com")));
        assertEquals(Optional.of("Ask"), match(anywhere, "https://images.uk.ask.com/"));
        assertEquals(Optional.of("Ask"), match(anywhere, "https://x.images.uk.ask.com.evil/"));
        assertEquals(Optional.empty(), match(anywhere, "https://images.ask.com/"));
    }

    @Test
    void theReferrersHostAndItsHostWithoutWwwAreBothTried() {
        SourceList list = new SourceList(List.of(source("Exact www", "www.example.com"),
                source("Bare", "example.org")));
        assertEquals(Optional.of("Exact www"), match(list, "https://www.example.com/"));
        assertEquals(Optional.empty(), match(list, "https://example.com/"));
        assertEquals(Optional.of("Bare"), match(list, "https://www.example.org/"));
    }

    @Test
    void anExactHostBeatsAParentDomainWrittenEarlier() {
        SourceList list = new SourceList(List.of(source("Google", "google.com"), source("Google Images",
                "images.google.com")));
        assertEquals(Optional.of("Google Images"), match(list, "https://images.google.com/"));
        assertEquals(Optional.of("Google Images"), match(list, "https://www.images.google.com/"));
        assertEquals(Optional.of("Google"), match(list, "https://news.google.com/"));
    }

    @Test
    void aParentDomainBeatsAWildcardWrittenEarlier() {
        SourceList list = new SourceList(List.of(source("Any Google", "{}.google.{}"), source("Google", "google.com")));
        assertEquals(Optional.of("Google"), match(list, "https://news.google.com/"));
        assertEquals(Optional.of("Any Google"), match(list, "https://news.google.fr/"));
    }

    @Test
    void amongEqualMatchesTheFirstWrittenWins() {
        SourceList parents = new SourceList(List.of(source("First", "example.com"), source("Second", "a.example.com")));
        assertEquals(Optional.of("First"), match(parents, "https://b.a.example.com/"));
        SourceList exact = new SourceList(List.of(source("First", "example.com"), source("Second", "example.com")));
        assertEquals(Optional.of("First"), match(exact, "https://example.com/"));
        SourceList wildcards = new SourceList(List.of(source("First", "{}.example.com"), source("Second",
                "a.example.{}")));
        assertEquals(Optional.of("First"), match(wildcards, "https://a.example.com/"));
    }

    @Test
    void theTermIsALiteralParameterNameEvenWhenWrittenAsARegex() {
        KnownSource engine = new KnownSource("Engine", Medium.ORGANIC, List.of(HostPattern.parse("engine.example")),
                List.of("/^q$/", "query"));
        assertEquals(new TrafficSource("Engine", "organic", ""), engine.of(Referrer.of("https://engine.example/?q=x",
                false)));
        assertEquals(new TrafficSource("Engine", "organic", "y"), engine.of(Referrer.of(
                "https://engine.example/?q=x&query=y", false)));
        assertEquals(new TrafficSource("Engine", "organic", "z"), engine.of(Referrer.of(
                "https://engine.example/?%2F%5Eq%24%2F=z", false)));
    }

    @Test
    void malformedQueryPairsOfTheReferrerAreDropped() {
        KnownSource engine = source("Engine", "engine.example");
        assertEquals("kw", engine.of(Referrer.of("https://engine.example/?a=%zz&q=kw", false)).term());
        assertEquals("", engine.of(Referrer.of("https://engine.example/?q=%zz", false)).term());
        assertEquals("first", engine.of(Referrer.of("https://engine.example/?q=first&q=second", false)).term());
    }

    @Test
    void patternsThatCanNeverMatchAreRefused() {
        for (String useless : List.of("", "x.com/i/grok", "Example.com", "{}", "{}.{}", "exa mple.com", ".example.com",
                "example.com.")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> HostPattern.parse(useless), useless);
            assertTrue(refused.getMessage().contains("\"" + useless + "\""), refused.getMessage());
        }
    }
}
