package org.d8a.warehouse.files.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compact JSON of list and struct values as the reference's CSV writer prints them (Go {@code encoding/json}, spec/
 * warehouses.md §4.6): object keys sorted, {@code <}, {@code >} and {@code &} escaped, floats in plain decimal between
 * 1e-6 and 1e21 and in exponent form outside. JSON-B cannot be told to produce this exact text, hence this writer.
 */
public final class GoJson {

    private GoJson() {
    }

    public static String of(Object value) {
        StringBuilder json = new StringBuilder();
        append(json, value);
        return json.toString();
    }

    private static void append(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String text) {
            appendString(json, text);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            json.append(value);
        } else if (value instanceof Double number) {
            appendFloat(json, number);
        } else if (value instanceof Float number) {
            // float32-shortest digits, read back as the double that prints the same
            appendFloat(json, Double.parseDouble(Float.toString(number)));
        } else if (value instanceof Instant instant) {
            appendString(json, CsvText.timestamp(instant));
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                appendString(json, String.valueOf(entry.getKey()));
                json.append(':');
                append(json, entry.getValue());
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                append(json, list.get(i));
            }
            json.append(']');
        } else {
            appendString(json, value.toString());
        }
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** Go marshals NaN and infinities as an error; the row keeps {@code null} there instead of failing. */
    private static void appendFloat(StringBuilder json, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.append("null");
            return;
        }
        if (value == 0) {
            json.append(1 / value < 0 ? "-0" : "0");
            return;
        }
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            json.append(shortest.toPlainString());
            return;
        }
        int exponent = shortest.precision() - shortest.scale() - 1;
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        json.append(value < 0 ? "-" : "").append(mantissa).append('e').append(exponent < 0 ? '-' : '+')
                .append(Math.abs(exponent));
    }
}
