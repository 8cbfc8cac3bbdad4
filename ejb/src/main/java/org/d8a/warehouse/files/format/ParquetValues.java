package org.d8a.warehouse.files.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.TimeUnit;

/**
 * The values a Parquet column accepts, and the value written (spec/warehouses.md §4.7): strict for strings and bools,
 * lenient where d8a columns produce several shapes (timestamps as instants, RFC 3339 text or Unix numbers; dates as
 * dates, instants or text). Error messages follow the reference's, Go type names included.
 */
final class ParquetValues {

    private ParquetValues() {
    }

    static String string(Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw expected("string", value);
    }

    static boolean bool(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw expected("bool", value);
    }

    static long int64(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                throw new IllegalArgumentException("invalid float64 int value " + CsvText.goFloat(number));
            }
            if (number != Math.rint(number)) {
                throw new IllegalArgumentException("float64 value " + CsvText.goFloat(number) + " is not an integer");
            }
            // 2^63 is the first double past Long.MAX_VALUE
            if (number >= 0x1p63 || number < -0x1p63) {
                throw new IllegalArgumentException("float64 value " + CsvText.goFloat(number)
                        + " overflows int64 range");
            }
            return number.longValue();
        }
        throw expected("int64", value);
    }

    static int int32(Object value) {
        long number = int64(value);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("int64 value " + number + " overflows int32 range");
        }
        return (int) number;
    }

    static double float64(Object value) {
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof Float number) {
            return number;
        }
        throw expected("float64", value);
    }

    static float float32(Object value) {
        if (value instanceof Float number) {
            return number;
        }
        if (value instanceof Double number) {
            if (Math.abs(number) > Float.MAX_VALUE && !number.isInfinite()) {
                throw new IllegalArgumentException("float64 value " + CsvText.goFloat(number)
                        + " overflows float32 range");
            }
            return number.floatValue();
        }
        throw expected("float32", value);
    }

    /**
     * Milliseconds since the epoch. Integers count in the column's unit (Unix seconds for a seconds column, as in the
     * reference; milliseconds for our millisecond columns); a float64 counts seconds, its fraction kept.
     */
    static long timestampMillis(Object value, TimeUnit unit) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        if (value instanceof String text) {
            return rfc3339(text, "timestamp").toInstant().toEpochMilli();
        }
        if (value instanceof Long || value instanceof Integer) {
            long number = ((Number) value).longValue();
            return switch (unit) {
                case SECOND -> Math.multiplyExact(number, 1000L);
                case MILLISECOND -> number;
                case MICROSECOND -> Math.floorDiv(number, 1000L);
                case NANOSECOND -> Math.floorDiv(number, 1_000_000L);
            };
        }
        if (value instanceof Double seconds && !seconds.isNaN() && !seconds.isInfinite()) {
            double whole = Math.floor(seconds);
            long nanos = Math.round((seconds - whole) * 1e9);
            return Instant.ofEpochSecond((long) whole, nanos).toEpochMilli();
        }
        throw expected("time.Time, RFC3339 string or Unix seconds", value);
    }

    /** Days since the epoch of the value's UTC calendar date. */
    static int days(Object value) {
        if (value instanceof LocalDate date) {
            return (int) date.toEpochDay();
        }
        if (value instanceof Instant instant) {
            return (int) instant.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
        }
        if (value instanceof OffsetDateTime time) {
            return (int) time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toEpochDay();
        }
        if (value instanceof ZonedDateTime time) {
            return (int) time.withZoneSameInstant(ZoneOffset.UTC).toLocalDate().toEpochDay();
        }
        if (value instanceof String text) {
            if (text.length() == 10) {
                try {
                    return (int) LocalDate.parse(text).toEpochDay();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("invalid date string \"" + text + "\"", e);
                }
            }
            return (int) rfc3339(text, "date").withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toEpochDay();
        }
        throw expected("time.Time or date string", value);
    }

    static List<?> list(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw expected("[]any for array", value);
    }

    static Map<?, ?> struct(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw expected("map[string]any for struct", value);
    }

    private static OffsetDateTime rfc3339(String text, String what) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid " + what + " string \"" + text + "\"", e);
        }
    }

    static IllegalArgumentException expected(String what, Object value) {
        return new IllegalArgumentException("expected " + what + ", got " + goType(value));
    }

    /** The Go type name the reference's message would show for a value of this Java type. */
    static String goType(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "int64";
        }
        if (value instanceof Integer) {
            return "int";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Float) {
            return "float32";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof List<?>) {
            return "[]interface {}";
        }
        if (value instanceof Map<?, ?>) {
            return "map[string]interface {}";
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            return "time.Time";
        }
        return value.getClass().getSimpleName();
    }
}
