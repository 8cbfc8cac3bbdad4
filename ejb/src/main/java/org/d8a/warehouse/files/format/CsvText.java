package org.d8a.warehouse.files.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.d8a.columns.casts.GoFloatText;

/**
 * Cell text and quoting of the files warehouse's CSV, matching the reference's writer (Go {@code encoding/csv}, values
 * printed Go-style) so files compare byte for byte. Commons CSV's minimal quoting quotes more fields than Go does
 * (any field starting with a character up to {@code #}), hence these few lines of our own.
 */
public final class CsvText {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private CsvText() {
    }

    /** One CSV line (ending in {@code \n}) of the given cells. */
    public static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(cells.get(i)));
        }
        return line.append('\n').toString();
    }

    /** A field is quoted iff it is non-empty and holds a separator, a quote, a line break, starts with a space or is {@code \.}. */
    static String quote(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        boolean needsQuotes = cell.equals("\\.") || Character.isWhitespace(cell.codePointAt(0))
                || Character.isSpaceChar(cell.codePointAt(0));
        for (int i = 0; !needsQuotes && i < cell.length(); i++) {
            char c = cell.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /**
     * Text of one value: timestamps as RFC 3339 UTC, dates as {@code YYYY-MM-DD}, floats as Go prints them, lists and
     * structs as compact JSON, null empty.
     */
    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return timestamp(instant);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Double number) {
            return goFloat(number);
        }
        if (value instanceof Float number) {
            return goFloat32(number);
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return GoJson.of(value);
        }
        return value.toString();
    }

    /**
     * RFC 3339 in UTC. Our timestamps have millisecond precision (a deliberate fix), so the milliseconds are always
     * printed; finer digits only when present, trailing zeros trimmed as Go's RFC3339Nano does.
     */
    static String timestamp(Instant instant) {
        StringBuilder text = new StringBuilder(SECONDS.format(instant)).append('.');
        int nanos = instant.getNano();
        text.append(String.format("%03d", nanos / 1_000_000));
        int finer = nanos % 1_000_000;
        if (finer != 0) {
            String digits = String.format("%06d", finer);
            text.append(digits.replaceFirst("0+$", ""));
        }
        return text.append('Z').toString();
    }

    /** Go's {@code %v} for a float32: float32-shortest digits, otherwise as {@link #goFloat(double)}. */
    static String goFloat32(float value) {
        return GoFloatText.of(value);
    }

    /** Go's {@code %v} for a float64: shortest digits, exponent form below 1e-4 and from 1e6 on. */
    static String goFloat(double value) {
        return GoFloatText.of(value);
    }
}
