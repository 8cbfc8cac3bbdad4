package org.d8a.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.d8a.columns.TestHits;
import org.d8a.properties.PropertySettings;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/columns.md} is generated from the columns machinery. This test fails when the committed file differs
 * from what the machinery describes; regenerate it with
 * {@code mvn -pl ejb -am test -Dtest=ColumnReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dd8a.columns.write=true}.
 */
class ColumnReferenceTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "columns.md");

    static String document() {
        StringBuilder text = new StringBuilder("""
                # Columns

                Generated from the columns machinery by `ColumnReferenceTest` (see its comment for the command); do not
                edit by hand. The same list, for any property, is served as JSON by `GET /properties/{id}/columns`.
                Rows have the columns of their property's protocol in this order: event columns, then session-scoped
                event columns, then session columns; custom columns (`ga4.params`) come last in their scope.
                The enrichment columns (geo, device detection, source/medium/term, currency conversion) are always
                there; they are null when their provider is off or has no data (docs/configuration.md).

                """);
        for (String protocol : List.of("ga4", "d8a", "matomo")) {
            PropertySettings property = new PropertySettings("default", "Default property", "-", protocol,
                    Duration.ofMinutes(30), PropertySettings.DEFAULT_EXCLUDED_URL_PARAMS);
            List<ColumnDescription> columns = ColumnReference.describe(TestHits.columns(property));
            text.append("## Protocol `").append(protocol).append("` (").append(columns.size()).append(" columns)\n\n")
                    .append(ColumnReference.markdown(columns)).append('\n');
        }
        return text.toString();
    }

    @Test
    void committedReferenceIsCurrent() throws IOException {
        String expected = document();
        if (Boolean.getBoolean("d8a.columns.write")) {
            Files.writeString(DOCUMENT, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(DOCUMENT, StandardCharsets.UTF_8),
                "docs/columns.md is stale: regenerate it (see ColumnReferenceTest)");
    }

    @Test
    void typesUseTheSpecsNotation() {
        PropertySettings property = new PropertySettings("default", "Default property", "-", "ga4",
                Duration.ofMinutes(30), List.of());
        List<ColumnDescription> columns = ColumnReference.describe(TestHits.columns(property));
        assertEquals("timestamp[ms, tz=UTC]", type(columns, "timestamp_utc"));
        assertEquals("date32", type(columns, "date_utc"));
        assertEquals("list<struct<name: utf8, value_string: utf8, value_number: float64>>", type(columns, "params"));
        ColumnDescription id = columns.get(0);
        assertEquals(new ColumnDescription("id", "utf8", false, "event", "core.d8a.tech/events/id", id.description()),
                id);
    }

    private static String type(List<ColumnDescription> columns, String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().type();
    }
}
