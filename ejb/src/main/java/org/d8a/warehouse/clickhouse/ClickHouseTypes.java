package org.d8a.warehouse.clickhouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.ColumnFields;
import org.d8a.warehouse.UnsupportedMappingException;
import org.d8a.warehouse.WarehouseException;

/**
 * Arrow field → ClickHouse column type (spec/warehouses.md §2.2). The mappings apply in the reference's order:
 * LowCardinality wraps whatever follows; lists become {@code Array(T)}, lists of structs {@code Nested(...)}; other
 * structs are refused; a nullable scalar gets the {@code DEFAULT} of its zero value; then the primitives.
 */
public final class ClickHouseTypes {

    static final String MAPPER = "clickhouse";

    private ClickHouseTypes() {
    }

    /** The column definition of CREATE TABLE and ADD COLUMN: type, {@code DEFAULT}, codec. */
    public static String definition(Field field) throws WarehouseException {
        String text = columnType(field).text();
        String codec = ColumnCodec.clause(field);
        return codec == null ? text : text + " " + codec;
    }

    public static ColumnType columnType(Field field) throws UnsupportedMappingException {
        Map<String, String> metadata = field.getMetadata();
        if (metadata != null && "true".equals(metadata.get(ColumnFields.LOW_CARDINALITY))) {
            ColumnType inner = unwrapped(field);
            return new ColumnType("LowCardinality(" + inner.type() + ")", inner.defaultExpression());
        }
        return unwrapped(field);
    }

    private static ColumnType unwrapped(Field field) throws UnsupportedMappingException {
        ArrowType type = field.getType();
        if (type instanceof ArrowType.List) {
            return new ColumnType(listType(field.getChildren().get(0)), null);
        }
        if (type instanceof ArrowType.Struct) {
            throw new UnsupportedMappingException(type, MAPPER);
        }
        Primitive primitive = primitive(type);
        return new ColumnType(primitive.type(), field.isNullable() ? primitive.zero() : null);
    }

    private static String listType(Field element) throws UnsupportedMappingException {
        if (!(element.getType() instanceof ArrowType.Struct)) {
            return "Array(" + primitive(element.getType()).type() + ")";
        }
        // One level of nesting: members are plain primitive types, no DEFAULT (ClickHouse has none inside Nested).
        List<String> members = new ArrayList<>();
        for (Field member : element.getChildren()) {
            members.add(ClickHouseIdentifiers.quote(member.getName()) + " " + primitive(member.getType()).type());
        }
        return "Nested(" + String.join(", ", members) + ")";
    }

    /** A primitive's type text and the zero value a nullable column of it defaults to. */
    record Primitive(String type, String zero) {
    }

    static Primitive primitive(ArrowType type) throws UnsupportedMappingException {
        if (type instanceof ArrowType.Utf8) {
            return new Primitive("String", "''");
        }
        if (type instanceof ArrowType.Int integer && integer.getIsSigned()
                && (integer.getBitWidth() == 64 || integer.getBitWidth() == 32)) {
            return new Primitive("Int" + integer.getBitWidth(), "0");
        }
        if (type instanceof ArrowType.FloatingPoint floating
                && floating.getPrecision() != FloatingPointPrecision.HALF) {
            return new Primitive(floating.getPrecision() == FloatingPointPrecision.DOUBLE ? "Float64" : "Float32",
                    "0");
        }
        if (type instanceof ArrowType.Bool) {
            return new Primitive("Bool", "0");
        }
        if (type instanceof ArrowType.Date date && date.getUnit() == DateUnit.DAY) {
            return new Primitive("Date32", "'1970-01-01'");
        }
        if (type instanceof ArrowType.Timestamp timestamp && "UTC".equals(timestamp.getTimezone())) {
            // Seconds are the reference's columns; milliseconds are ours (a deliberate fix, see ColumnFields).
            if (timestamp.getUnit() == TimeUnit.SECOND) {
                return new Primitive("DateTime64(0)", "'1970-01-01 00:00:00'");
            }
            if (timestamp.getUnit() == TimeUnit.MILLISECOND) {
                return new Primitive("DateTime64(3)", "'1970-01-01 00:00:00'");
            }
        }
        throw new UnsupportedMappingException(type, MAPPER);
    }
}
