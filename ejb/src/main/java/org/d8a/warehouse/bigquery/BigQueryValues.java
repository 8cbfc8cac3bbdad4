package org.d8a.warehouse.bigquery;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One row as the JSON object BigQuery loads (spec/warehouses.md §3.2 write formatting): the schema's fields only, a
 * missing value as null, a null list as {@code []}, timestamps as RFC 3339 UTC text with milliseconds. A value that
 * does not fit its field fails with the column's name and the value, which {@code GET /spool} then shows.
 */
final class BigQueryValues {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private BigQueryValues() {
    }

    static JsonObject row(Schema schema, Map<String, Object> row) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (Field field : schema.getFields()) {
            Object value = row.get(field.getName());
            try {
                object.add(field.getName(), value(field, value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + field.getName() + ", value " + shown(value) + ": "
                        + e.getMessage(), e);
            }
        }
        return object.build();
    }

    private static JsonValue value(Field field, Object value) {
        if (field.getType() instanceof ArrowType.List) {
            return list(field.getChildren().get(0), value);
        }
        return value == null ? JsonValue.NULL : scalar(field.getType(), value);
    }

    private static JsonValue list(Field element, Object value) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        if (value == null) {
            return array.build();
        }
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException("expected a list, got " + typeName(value));
        }
        for (Object item : items) {
            if (element.getType() instanceof ArrowType.Struct) {
                array.add(record(element, item));
            } else {
                array.add(item == null ? JsonValue.NULL : scalar(element.getType(), item));
            }
        }
        return array.build();
    }

    /** A RECORD element: its members that are present, formatted; absent ones stay absent (NULL). */
    private static JsonObject record(Field element, Object item) {
        if (!(item instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a map for a list of records, got " + typeName(item));
        }
        JsonObjectBuilder object = JSON.createObjectBuilder();
        for (Field member : element.getChildren()) {
            if (map.containsKey(member.getName())) {
                Object value = map.get(member.getName());
                object.add(member.getName(), value == null ? JsonValue.NULL : scalar(member.getType(), value));
            }
        }
        return object.build();
    }

    private static JsonValue scalar(ArrowType type, Object value) {
        if (type instanceof ArrowType.Utf8) {
            return JSON.createValue(String.valueOf(value));
        }
        if (type instanceof ArrowType.Int integer) {
            return JSON.createValue(integer.getBitWidth() == 32 ? int32(value) : int64(value));
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
            return JSON.createValue(date(value).toString());
        }
        if (type instanceof ArrowType.Timestamp) {
            return JSON.createValue(MILLIS.format(instant(value).truncatedTo(ChronoUnit.MILLIS)));
        }
        throw new IllegalArgumentException("no BigQuery formatting for type " + type);
    }

    private static long int64(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("expected int64-compatible type, got " + typeName(value));
    }

    private static long int32(Object value) {
        long number = int64(value);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("int64 value " + number + " overflows int32 range");
        }
        return number;
    }

    private static JsonValue floating(FloatingPointPrecision precision, Object value) {
        if (!(value instanceof Double) && !(value instanceof Float)) {
            throw new IllegalArgumentException("expected float64-compatible type, got " + typeName(value));
        }
        double number = ((Number) value).doubleValue();
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException("float value " + number + " cannot be written as JSON");
        }
        if (precision == FloatingPointPrecision.SINGLE && Math.abs(number) > Float.MAX_VALUE) {
            throw new IllegalArgumentException("float64 value " + number + " overflows float32 range");
        }
        // A float32 is widened exactly (3.14f → 3.140000104904175), as BigQuery's FLOAT64 stores it.
        return JSON.createValue(new BigDecimal(number));
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Instant instant) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid date string: expected YYYY-MM-DD");
            }
        }
        throw new IllegalArgumentException("expected a date or date string, got " + typeName(value));
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
                throw new IllegalArgumentException("invalid timestamp string: expected RFC 3339");
            }
        }
        throw new IllegalArgumentException("expected a timestamp, got " + typeName(value));
    }

    private static String shown(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
