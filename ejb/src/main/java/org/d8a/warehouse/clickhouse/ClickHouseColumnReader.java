package org.d8a.warehouse.clickhouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.d8a.warehouse.UnsupportedMappingException;

/**
 * ClickHouse column type text → Arrow field (spec/warehouses.md §2.5): the reverse of {@link ClickHouseTypes}, for
 * the types d8a creates. Any other type ({@code Nullable(T)}, {@code UInt64}, {@code DateTime}, ...) is refused, so a
 * table changed by hand stops the migration instead of being written wrongly.
 */
public final class ClickHouseColumnReader {

    /** Field metadata of a read-back {@code DateTime64(p)}: its precision; informational. */
    public static final String PRECISION = "clickhouse.precision";

    private ClickHouseColumnReader() {
    }

    /**
     * @param defaultKind {@code system.columns.default_kind}: a column with a {@code DEFAULT} is nullable, the way
     *        d8a writes nullable columns
     */
    public static Field field(String name, String type, String defaultKind) throws UnsupportedMappingException {
        return withNullability(field(name, type), "DEFAULT".equals(defaultKind));
    }

    private static Field field(String name, String type) throws UnsupportedMappingException {
        if (type.startsWith("LowCardinality(") && type.endsWith(")")) {
            return field(name, type.substring("LowCardinality(".length(), type.length() - 1));
        }
        if (type.startsWith("Array(") && type.endsWith(")")) {
            Field element = withNullability(field("item", type.substring("Array(".length(), type.length() - 1)),
                    true);
            return new Field(name, FieldType.notNullable(ArrowType.List.INSTANCE), List.of(element));
        }
        Optional<List<NestedTypeParser.Member>> nested = NestedTypeParser.parse(type);
        if (nested.isPresent()) {
            // Nested members have no DEFAULT in ClickHouse: they read back nullable, as d8a declares them.
            List<Field> members = new ArrayList<>();
            for (NestedTypeParser.Member member : nested.get()) {
                members.add(withNullability(field(member.name(), member.type()), true));
            }
            Field element = new Field("item", FieldType.nullable(ArrowType.Struct.INSTANCE), members);
            return new Field(name, FieldType.notNullable(ArrowType.List.INSTANCE), List.of(element));
        }
        return switch (type) {
            case "String", "string", "utf8" -> primitive(name, ArrowType.Utf8.INSTANCE, null);
            case "Int64", "int64" -> primitive(name, new ArrowType.Int(64, true), null);
            case "Int32", "int32" -> primitive(name, new ArrowType.Int(32, true), null);
            case "Float64", "float64" -> primitive(name, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
                    null);
            case "Float32", "float32" -> primitive(name, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE),
                    null);
            case "Bool", "bool" -> primitive(name, ArrowType.Bool.INSTANCE, null);
            case "Date32", "date32" -> primitive(name, new ArrowType.Date(DateUnit.DAY), null);
            case "DateTime64(0)" -> primitive(name, new ArrowType.Timestamp(TimeUnit.SECOND, "UTC"), "0");
            case "DateTime64(3)" -> primitive(name, new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), "3");
            default -> throw new UnsupportedMappingException(type, ClickHouseTypes.MAPPER);
        };
    }

    private static Field primitive(String name, ArrowType type, String precision) {
        return new Field(name, new FieldType(false, type, null, precision == null ? null : Map.of(PRECISION,
                precision)), List.of());
    }

    private static Field withNullability(Field field, boolean nullable) {
        FieldType type = new FieldType(nullable, field.getType(), field.getDictionary(), field.getMetadata());
        return new Field(field.getName(), type, field.getChildren());
    }
}
