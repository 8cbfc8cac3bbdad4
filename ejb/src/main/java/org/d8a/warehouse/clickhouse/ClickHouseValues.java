package org.d8a.warehouse.clickhouse;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A row value → the JSON value sent for a ClickHouse column (spec/warehouses.md §2.2 "write formatting"), checked
 * against the column as read back from the table. A null in a nullable column is written as the column's zero value
 * (d8a's columns are {@code T DEFAULT zero}, not {@code Nullable(T)}); a null list is an empty one.
 *
 * <p>Deliberate differences from the reference: timestamps are sent as absolute instants (ISO-8601 UTC), never as
 * wall-clock text of the process's zone; dates of instants are taken in UTC; an Int64 value too large for an Int32
 * column is an error instead of being wrapped; a Bool column takes only booleans.
 */
final class ClickHouseValues {

    /** Looked up once: {@code Json.createValue} and friends look the provider up on every call. */
    static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonValue EPOCH = JSON.createValue("1970-01-01T00:00:00Z");
    private static final JsonValue EPOCH_DAY = JSON.createValue("1970-01-01");

    private ClickHouseValues() {
    }

    /**
     * @throws IllegalArgumentException saying why the value does not fit the column
     */
    static JsonValue value(Field column, Object value) {
        ArrowType type = column.getType();
        if (type instanceof ArrowType.List) {
            return list(column.getChildren().get(0), value);
        }
        if (value == null) {
            if (!column.isNullable()) {
                throw new IllegalArgumentException("null value for non-nullable column");
            }
            return zero(type);
        }
        return scalar(type, value);
    }

    private static JsonValue list(Field element, Object value) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        if (value == null) {
            return array.build();
        }
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException("expected list, got " + typeName(value));
        }
        boolean nested = element.getType() instanceof ArrowType.Struct;
        for (Object item : items) {
            if (nested) {
                array.add(nestedElement(element.getChildren(), item));
            } else if (item == null) {
                throw new IllegalArgumentException("null element in array");
            } else {
                array.add(scalar(element.getType(), item));
            }
        }
        return array.build();
    }

    /** Every member is sent: a missing key or a null is the member's zero value (members read back nullable). */
    private static JsonValue nestedElement(List<Field> members, Object item) {
        if (!(item instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected map for nested element, got " + typeName(item));
        }
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (Field member : members) {
            Object memberValue = map.get(member.getName());
            try {
                object.add(member.getName(), memberValue == null ? zero(member.getType())
                        : scalar(member.getType(), memberValue));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("nested field " + member.getName() + ": " + e.getMessage(), e);
            }
        }
        return object.build();
    }

    private static JsonValue scalar(ArrowType type, Object value) {
        if (type instanceof ArrowType.Utf8) {
            if (value instanceof String s) {
                return JSON.createValue(s);
            }
            throw new IllegalArgumentException("expected string, got " + typeName(value));
        }
        if (type instanceof ArrowType.Int integer) {
            return integer.getBitWidth() == 32 ? int32(value) : int64(value);
        }
        if (type instanceof ArrowType.FloatingPoint floating) {
            return floating(floating.getPrecision(), value);
        }
        if (type instanceof ArrowType.Bool) {
            if (value instanceof Boolean b) {
                return b ? JsonValue.TRUE : JsonValue.FALSE;
            }
            throw new IllegalArgumentException("expected bool, got " + typeName(value));
        }
        if (type instanceof ArrowType.Date date && date.getUnit() == DateUnit.DAY) {
            return date(value);
        }
        if (type instanceof ArrowType.Timestamp) {
            return JSON.createValue(DateTimeFormatter.ISO_INSTANT.format(instant(value)));
        }
        throw new IllegalArgumentException("no value formatting for type " + type);
    }

    private static JsonValue int64(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        throw new IllegalArgumentException("expected int64-compatible type, got " + typeName(value));
    }

    private static JsonValue int32(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("int64 value " + l + " overflows int32 range");
            }
            return JSON.createValue(l.intValue());
        }
        throw new IllegalArgumentException("expected int32-compatible type, got " + typeName(value));
    }

    private static JsonValue floating(FloatingPointPrecision precision, Object value) {
        if (!(value instanceof Double) && !(value instanceof Float)) {
            throw new IllegalArgumentException("expected float64-compatible type, got " + typeName(value));
        }
        double number = ((Number) value).doubleValue();
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException("float value " + number + " cannot be written");
        }
        // A Float32 column gets the float's own decimal digits (3.14f, not 3.140000104904175).
        return precision == FloatingPointPrecision.SINGLE
                ? JSON.createValue(new java.math.BigDecimal(Float.toString(((Number) value).floatValue())))
                : JSON.createValue(number);
    }

    private static JsonValue date(Object value) {
        if (value instanceof LocalDate date) {
            return JSON.createValue(date.toString());
        }
        if (value instanceof Instant instant) {
            return JSON.createValue(LocalDate.ofInstant(instant, ZoneOffset.UTC).toString());
        }
        if (value instanceof String text) {
            try {
                return JSON.createValue(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).toString());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid date string \"" + text + "\": expected YYYY-MM-DD");
            }
        }
        throw new IllegalArgumentException("expected date (LocalDate, Instant or YYYY-MM-DD string), got "
                + typeName(value));
    }

    /** Integers are Unix seconds and strings RFC 3339, as the reference's columns produce them. */
    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Long || value instanceof Integer) {
            return Instant.ofEpochSecond(((Number) value).longValue());
        }
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid timestamp string \"" + text + "\": expected RFC 3339");
            }
        }
        throw new IllegalArgumentException("expected timestamp (Instant, Unix seconds or RFC 3339 string), got "
                + typeName(value));
    }

    private static JsonValue zero(ArrowType type) {
        if (type instanceof ArrowType.Utf8) {
            return JSON.createValue("");
        }
        if (type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint) {
            return JSON.createValue(0);
        }
        if (type instanceof ArrowType.Bool) {
            return JsonValue.FALSE;
        }
        if (type instanceof ArrowType.Date) {
            return EPOCH_DAY;
        }
        if (type instanceof ArrowType.Timestamp) {
            return EPOCH;
        }
        throw new IllegalArgumentException("no zero value for type " + type);
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
