package org.d8a.hits;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} parsing with the reference's rules (Go {@code url.ParseQuery}): pairs split
 * on {@code &}, empty pairs skipped, a key without {@code =} gets {@code ""}, {@code +} is a space, duplicate keys keep
 * every value in order. Written here because the JDK's decoder accepts what Go rejects (a {@code ;} separator, a
 * malformed {@code %} escape), and a GA4 body line with either must fail the whole request.
 */
public final class QueryString {

    private QueryString() {
    }

    /** Parses strictly; any {@code ;} separator or malformed escape is an error. */
    public static Map<String, List<String>> parseStrict(String query) throws MalformedQueryException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        MalformedQueryException first = null;
        for (String pair : query.split("&", -1)) {
            if (pair.indexOf(';') >= 0) {
                first = first == null ? new MalformedQueryException("invalid semicolon separator in query") : first;
                continue;
            }
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = unescape(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : unescape(pair.substring(eq + 1));
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (MalformedQueryException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return values;
    }

    /** Parses the request URL's own query the way HTTP servers do: pairs that cannot be decoded are kept verbatim. */
    public static Map<String, List<String>> parseLenient(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = unescapeLeniently(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : unescapeLeniently(pair.substring(eq + 1));
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String unescapeLeniently(String text) {
        try {
            return unescape(text);
        } catch (MalformedQueryException e) {
            return text.replace('+', ' ');
        }
    }

    static String unescape(String text) throws MalformedQueryException {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (i + 2 >= raw.length || hex(raw[i + 1]) < 0 || hex(raw[i + 2]) < 0) {
                    throw new MalformedQueryException("invalid URL escape \"" + escapeAt(text, i) + "\"");
                }
                out.write(hex(raw[i + 1]) << 4 | hex(raw[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String escapeAt(String text, int byteIndex) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        return new String(raw, byteIndex, Math.min(3, raw.length - byteIndex), StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
