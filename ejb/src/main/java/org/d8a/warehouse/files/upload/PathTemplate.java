package org.d8a.warehouse.files.upload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The remote key of a segment from {@code warehouse.files.path_template} (spec/warehouses.md §4.4): Go template syntax
 * reduced to field substitution, {@code {{.Field}}} (spaces inside the braces allowed); any other template construct
 * is rejected when the template is read, so a template either means what it means in the reference or fails at start.
 */
public final class PathTemplate {

    /** The reference's command-line default. */
    public static final String DEFAULT = "table={{.Table}}/schema={{.Schema}}/y={{.Year}}/m={{.MonthPadded}}"
            + "/d={{.DayPadded}}/{{.SegmentID}}.{{.Extension}}";

    static final Set<String> FIELDS = Set.of("Table", "Schema", "SegmentID", "Extension", "Year", "Month",
            "MonthPadded", "Day", "DayPadded");

    private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern FIELD = Pattern.compile("\\s*\\.([A-Za-z]+)\\s*");

    private final List<Object> parts;

    private PathTemplate(List<Object> parts) {
        this.parts = parts;
    }

    /** Parses and validates: not empty, only known fields, and the sample key holds no {@code ..}. */
    public static PathTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalStateException("warehouse.files.path_template must not be empty");
        }
        List<Object> parts = new ArrayList<>();
        Matcher action = ACTION.matcher(template);
        int end = 0;
        while (action.find()) {
            parts.add(literal(template, template.substring(end, action.start())));
            Matcher field = FIELD.matcher(action.group(1));
            if (!field.matches() || !FIELDS.contains(field.group(1))) {
                throw new IllegalStateException("invalid warehouse.files.path_template " + template + ": {{"
                        + action.group(1) + "}} is not one of {{." + String.join("}}, {{.", FIELDS.stream().sorted()
                        .toList()) + "}}");
            }
            parts.add(new Field(field.group(1)));
            end = action.end();
        }
        parts.add(literal(template, template.substring(end)));
        PathTemplate parsed = new PathTemplate(parts);
        String sample = parsed.apply("test", "abc123", "12345_uuid", "csv", Instant.parse("2026-03-01T00:00:00Z"));
        if (sample.contains("..")) {
            throw new IllegalStateException("invalid warehouse.files.path_template " + template
                    + ": the key must not contain \"..\", got " + sample);
        }
        return parsed;
    }

    private static String literal(String template, String text) {
        if (text.contains("{{") || text.contains("}}")) {
            throw new IllegalStateException("invalid warehouse.files.path_template " + template
                    + ": unbalanced {{ }}");
        }
        return text;
    }

    /** The key of one segment; the date parts are those of {@code sealedAt} in UTC. */
    public String apply(String table, String schema, String segmentId, String extension, Instant sealedAt) {
        ZonedDateTime time = sealedAt.atZone(ZoneOffset.UTC);
        Map<String, String> values = Map.of("Table", table, "Schema", schema, "SegmentID", segmentId,
                "Extension", extension, "Year", Integer.toString(time.getYear()),
                "Month", Integer.toString(time.getMonthValue()),
                "MonthPadded", String.format("%02d", time.getMonthValue()),
                "Day", Integer.toString(time.getDayOfMonth()),
                "DayPadded", String.format("%02d", time.getDayOfMonth()));
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            key.append(part instanceof Field field ? values.get(field.name()) : (String) part);
        }
        return key.toString();
    }

    private record Field(String name) {
    }
}
