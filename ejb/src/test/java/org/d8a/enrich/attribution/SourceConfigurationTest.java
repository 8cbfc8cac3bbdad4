package org.d8a.enrich.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.d8a.config.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code attribution.sources} extension: read from the YAML file and from JSON, placed, validated. */
class SourceConfigurationTest {

    private static final String PAGE = "https://example.com/";

    @TempDir
    Path directory;

    private ListAttribution fromYaml(String yaml) throws Exception {
        Path file = directory.resolve("d8a.yaml");
        Files.writeString(file, yaml);
        return new ListAttribution(TestConfig.yaml(file));
    }

    @Test
    void entriesOfTheYamlFileAddSources() throws Exception {
        ListAttribution attribution = fromYaml("""
                attribution:
                  sources:
                    - {source: Intranet Search, medium: organic, hosts: [search.corp.example], params: [term, q]}
                    - {source: Partner Newsletter, medium: email, hosts: [news.partner.example]}
                """);
        assertEquals(new TrafficSource("intranet-search", "organic", "kw"),
                attribution.attribute(PAGE, "https://search.corp.example/find?q=kw", false));
        assertEquals(new TrafficSource("partner-newsletter", "email", ""),
                attribution.attribute(PAGE, "https://news.partner.example/issue/3", false));
        assertEquals(new TrafficSource("reddit", "social", ""),
                attribution.attribute(PAGE, "https://www.reddit.com/", false));
    }

    @Test
    void aJsonArrayAsTheKeysValueAddsSources() {
        ListAttribution attribution = new ListAttribution(TestConfig.of(Map.of("attribution.sources",
                "[{\"source\": \"Forum\", \"medium\": \"social\","
                        + " \"hosts\": [\"forum.example\", \"board.example\"]}]")));
        assertEquals(new TrafficSource("forum", "social", ""),
                attribution.attribute(PAGE, "https://board.example/t/1", false));
    }

    @Test
    void configuredEntriesComeBeforeTheBuiltInOnesOfTheirMedium() throws Exception {
        ListAttribution attribution = fromYaml("""
                attribution:
                  sources:
                    - {source: Google Web, medium: organic, hosts: [google.com], params: [q]}
                    - {source: Company Mail, medium: email, hosts: [search.yahoo.com]}
                """);
        // the built-in Google Images pattern is more specific, yet the configured entry is tried first
        assertEquals(new TrafficSource("google-web", "organic", "cat"),
                attribution.attribute(PAGE, "https://images.google.com/?q=cat", false));
        // and only before its own medium: search engines still come before e-mail
        assertEquals(new TrafficSource("yahoo", "organic", "cat"),
                attribution.attribute(PAGE, "https://search.yahoo.com/?p=cat", false));
    }

    @Test
    void invalidEntriesStopTheDeploymentNamingTheEntry() {
        assertRefused("attribution.sources[0].medium \"newsletter\" is not one of [video, referral, social, ai, "
                + "organic, email]", Map.of("attribution.sources[0].source", "X", "attribution.sources[0].medium",
                        "newsletter", "attribution.sources[0].hosts", "x.example"));
        assertRefused("attribution.sources[0].source is required and must be text, got null",
                Map.of("attribution.sources[0].medium", "social", "attribution.sources[0].hosts", "x.example"));
        assertRefused("attribution.sources[0].hosts is required: the hosts that X is known by",
                Map.of("attribution.sources[0].source", "X", "attribution.sources[0].medium", "social"));
        assertRefused("attribution.sources[0].hosts: \"X.example\" must be lower case: hosts are compared"
                + " lower-cased",
                Map.of("attribution.sources[0].source", "X", "attribution.sources[0].medium", "social",
                        "attribution.sources[0].hosts", "X.example"));
        assertRefused("attribution.sources[0].params: only search engines (medium organic) have a search term, X is "
                + "social", Map.of("attribution.sources[0].source", "X", "attribution.sources[0].medium", "social",
                        "attribution.sources[0].hosts", "x.example", "attribution.sources[0].params", "q"));
        assertRefused("attribution.sources[0] has unknown fields [host]; the fields are [hosts, medium, params,"
                + " source]",
                Map.of("attribution.sources[0].source", "X", "attribution.sources[0].medium", "social",
                        "attribution.sources[0].host", "x.example"));
    }

    private static void assertRefused(String message, Map<String, String> keys) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ListAttribution(TestConfig.of(keys)));
        assertEquals(message, refused.getMessage());
    }
}
