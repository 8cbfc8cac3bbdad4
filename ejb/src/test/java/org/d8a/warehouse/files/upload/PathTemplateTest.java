package org.d8a.warehouse.files.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** spec/warehouses.md §7 vector 24 and the start-up validation of §4.4. */
class PathTemplateTest {

    private static final Instant SEALED = Instant.parse("2026-02-25T10:02:03Z");

    @Test
    void vector24() {
        PathTemplate template = PathTemplate.parse("table={{.Table}}/schema={{.Schema}}/dt={{.Year}}/{{.MonthPadded}}"
                + "/{{.DayPadded}}/{{.SegmentID}}.{{.Extension}}");
        assertEquals("table=events/schema=abc123/dt=2026/02/25/seg-1.csv",
                template.apply("events", "abc123", "seg-1", "csv", SEALED));
    }

    @Test
    void theDefaultAndUnpaddedFields() {
        assertEquals("table=events/schema=abc123/y=2026/m=02/d=25/seg-1.parquet",
                PathTemplate.parse(PathTemplate.DEFAULT).apply("events", "abc123", "seg-1", "parquet", SEALED));
        assertEquals("2026-2-25/events", PathTemplate.parse("{{ .Year }}-{{.Month}}-{{.Day}}/{{.Table}}")
                .apply("events", "abc123", "seg-1", "csv", SEALED));
    }

    @Test
    void rejectsWhatIsNotFieldSubstitution() {
        assertTrue(assertThrows(IllegalStateException.class, () -> PathTemplate.parse("{{if .Table}}x{{end}}"))
                .getMessage().contains("{{if .Table}} is not one of"));
        assertTrue(assertThrows(IllegalStateException.class, () -> PathTemplate.parse("{{.Bucket}}/{{.SegmentID}}"))
                .getMessage().contains("is not one of"));
        assertTrue(assertThrows(IllegalStateException.class, () -> PathTemplate.parse("{{.Table}/x"))
                .getMessage().contains("unbalanced"));
        assertTrue(assertThrows(IllegalStateException.class, () -> PathTemplate.parse("../{{.SegmentID}}"))
                .getMessage().contains("must not contain \"..\""));
        assertTrue(assertThrows(IllegalStateException.class, () -> PathTemplate.parse(" "))
                .getMessage().contains("must not be empty"));
    }
}
