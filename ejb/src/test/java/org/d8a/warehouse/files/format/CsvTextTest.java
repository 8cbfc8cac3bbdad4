package org.d8a.warehouse.files.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTextTest {

    @Test
    void rowsOfWarehouseVector21() {
        assertEquals("id,name,score,active\n", CsvText.line(List.of("id", "name", "score", "active")));
        assertEquals("1,Alice,95.5,true\n", CsvText.line(cells(1L, "Alice", 95.5, true)));
        assertEquals("2,Bob,87.3,false\n", CsvText.line(cells(2L, "Bob", 87.3, false)));
    }

    @Test
    void quotesOnlyWhatGoQuotes() {
        assertEquals("\"Home, page\"", CsvText.quote("Home, page"));
        assertEquals("\"say \"\"hi\"\"\"", CsvText.quote("say \"hi\""));
        assertEquals("\"a\nb\"", CsvText.quote("a\nb"));
        assertEquals("\" leading\"", CsvText.quote(" leading"));
        assertEquals("\"\\.\"", CsvText.quote("\\."));
        assertEquals("!bang#", CsvText.quote("!bang#"));
        assertEquals("", CsvText.quote(""));
    }

    /** Vector 22: nanoseconds as Go's RFC3339Nano prints them; our millisecond timestamps keep their 3 digits. */
    @Test
    void nullsAreEmptyAndTimesAreUtcWithMilliseconds() {
        assertEquals("2,\n", CsvText.line(cells(2L, null)));
        assertEquals("2026-02-24T14:30:45.123456789Z", CsvText.of(Instant.parse("2026-02-24T14:30:45.123456789Z")));
        assertEquals("2026-02-24T14:30:45.120Z", CsvText.of(Instant.parse("2026-02-24T14:30:45.120Z")));
        assertEquals("2026-02-24T14:30:45.1234Z", CsvText.of(Instant.parse("2026-02-24T14:30:45.123400Z")));
        assertEquals("2026-02-24T14:30:45.000Z", CsvText.of(Instant.parse("2026-02-24T14:30:45Z")));
        assertEquals("2026-02-24", CsvText.of(LocalDate.of(2026, 2, 24)));
    }

    @Test
    void floatsPrintLikeGo() {
        assertEquals("95.5", CsvText.goFloat(95.5));
        assertEquals("1", CsvText.goFloat(1.0));
        assertEquals("123456", CsvText.goFloat(123456.0));
        assertEquals("1.234567e+06", CsvText.goFloat(1234567.0));
        assertEquals("1e+06", CsvText.goFloat(1e6));
        assertEquals("0.0001", CsvText.goFloat(0.0001));
        assertEquals("1e-05", CsvText.goFloat(0.00001));
        assertEquals("-2.5", CsvText.goFloat(-2.5));
        assertEquals("NaN", CsvText.goFloat(Double.NaN));
        assertEquals("+Inf", CsvText.goFloat(Double.POSITIVE_INFINITY));
    }

    /** Vector 22: a float32 prints its own shortest digits, not those of the double it widens to. */
    @Test
    void float32PrintsFloat32Digits() {
        assertEquals("67.89", CsvText.of(67.89f));
        assertEquals("1e+07", CsvText.of(1e7f));
        assertEquals("[67.89]", GoJson.of(List.of(67.89f)));
    }

    private static List<String> cells(Object... values) {
        return Arrays.stream(values).map(CsvText::of).toList();
    }

    @Test
    void listsAndStructsOfWarehouseVector22AreCompactJson() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", "1.0");
        metadata.put("source", "web");
        assertEquals("1,\"[\"\"important\"\",\"\"urgent\"\"]\",\"{\"\"source\"\":\"\"web\"\",\"\"version\"\":\"\"1.0\"\"}\"\n",
                CsvText.line(cells(1L, List.of("important", "urgent"), metadata)));
    }

    @Test
    void jsonInsideCellsPrintsFloatsAndEscapesAsGo() {
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("name", "a<b>&c");
        element.put("value_string", null);
        element.put("value_number", 70.11);
        assertEquals("[{\"name\":\"a\\u003cb\\u003e\\u0026c\",\"value_number\":70.11,\"value_string\":null}]",
                GoJson.of(List.of(element)));
        assertEquals("[1,0.5,1e+21,1e-7,123456789,0.000001]", GoJson.of(List.of(1.0, 0.5, 1e21, 1e-7, 123456789.0, 1e-6)));
    }
}
