package org.d8a.columns.casts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value conversions every protocol column uses on query parameter text (spec/ga4-protocol-and-columns.md §2.1),
 * with the strictness of Go's {@code strconv}: the reference's values are what its Go parsers accept, and Java's
 * parsers accept more (spaces, {@code 1d} suffixes, underscores), so the accepted forms are checked here first.
 */
public final class Casts {

    /** Longest string a STR cast keeps, in UTF-8 bytes (the reference's {@code MaxStringLength}). */
    public static final int MAX_STRING_BYTES = 8096;

    private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern GO_DECIMAL_FLOAT =
            Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern GO_HEX_FLOAT =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?[0-9]+");
    private static final Pattern GO_SPECIAL_FLOAT = Pattern.compile("(?i)[+-]?(inf|infinity)|nan");
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "on", "1", "t");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "off", "0", "f");

    private Casts() {
    }

    /** STR: empty → null; otherwise the text cut to {@value #MAX_STRING_BYTES} UTF-8 bytes. */
    public static String str(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return truncate(text);
    }

    /**
     * INT: Go {@code strconv.ParseInt(s, 10, 64)}; empty, malformed or out of range → null.
     */
    public static Long int64(String text) {
        if (text == null || !GO_INT.matcher(text).matches()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException outOfRange) {
            return null;
        }
    }

    /**
     * FLT: Go {@code strconv.ParseFloat(s, 64)}: decimal, exponent and hexadecimal forms, {@code Inf}/{@code Infinity}
     * with an optional sign and {@code NaN}, all case-insensitive; empty, malformed or out of range → null.
     * Underscores are rejected: Go accepts them only inside base-prefixed literals, which trackers do not send.
     */
    public static Double float64(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (GO_SPECIAL_FLOAT.matcher(text).matches()) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("nan")) {
                return Double.NaN;
            }
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!GO_DECIMAL_FLOAT.matcher(text).matches() && !GO_HEX_FLOAT.matcher(text).matches()) {
            return null;
        }
        double value = Double.parseDouble(text);
        return Double.isInfinite(value) ? null : value;
    }

    /** BOOL: trimmed, lower-cased {@code true/yes/y/on/1/t} or {@code false/no/n/off/0/f}; anything else → null. */
    public static Boolean bool(String text) {
        if (text == null) {
            return null;
        }
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(normalized)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(normalized)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /**
     * The longest prefix of {@code text} that fits in {@value #MAX_STRING_BYTES} UTF-8 bytes. The cut never splits a
     * character (the reference cuts bytes and can leave half a UTF-8 sequence: a deliberate fix).
     */
    public static String truncate(String text) {
        if (text.length() * 3L <= MAX_STRING_BYTES
                || text.getBytes(StandardCharsets.UTF_8).length <= MAX_STRING_BYTES) {
            return text;
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > MAX_STRING_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
