package org.d8a.warehouse.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

/** Vector 20 of spec/warehouses.md §7 and the rules of §1.5. */
class TypeComparerTest {

    private static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    private static final ArrowType INT64 = new ArrowType.Int(64, true);
    private static final ArrowType INT32 = new ArrowType.Int(32, true);

    private static Field struct(String name, Field... members) {
        return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(members));
    }

    private static Field list(String name, Field element) {
        return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(element));
    }

    private static String message(Field expected, Field actual, String path) {
        TypeComparer.Result result = TypeComparer.strict().compare(expected, actual, path);
        assertEquals(path, result.typePath());
        assertEquals(result.message().isEmpty(), result.equal());
        return result.message();
    }

    @Test
    void vector20ListOfStructMemberType() {
        Field expected = list("properties", struct("item", Field.nullable("key", UTF8), Field.nullable("value", UTF8)));
        Field actual = list("properties", struct("item", Field.nullable("key", UTF8),
                Field.nullable("value", INT64)));
        assertEquals("root.properties[LIST_ELEMENT].STRUCT[1].value: type IDs differ - expected: STRING, actual: INT64",
                message(expected, actual, "root.properties"));
    }

    @Test
    void vector20StructFieldOrderMatters() {
        Field expected = struct("ordered_struct", Field.nullable("first", UTF8), Field.nullable("second", UTF8));
        Field actual = struct("ordered_struct", Field.nullable("second", UTF8), Field.nullable("first", UTF8));
        assertEquals("root.ordered_struct.STRUCT[0]: field names differ - expected: first, actual: second",
                message(expected, actual, "root.ordered_struct"));
    }

    @Test
    void structCountsAndMemberNullability() {
        assertEquals("s: struct field counts differ - expected: 1, actual: 2", message(
                struct("s", Field.nullable("a", UTF8)),
                struct("s", Field.nullable("a", UTF8), Field.nullable("b", UTF8)), "s"));
        assertEquals("s.STRUCT[0].a: nullability differs - expected: true, actual: false", message(
                struct("s", Field.nullable("a", UTF8)), struct("s", Field.notNullable("a", UTF8)), "s"));
    }

    @Test
    void timestampUnitsAndZones() {
        assertEquals("t: timestamp units differ - expected: ns, actual: us", message(
                Field.nullable("t", new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC")),
                Field.nullable("t", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")), "t"));
        assertEquals("t: timestamp timezones differ - expected: UTC, actual: America/New_York", message(
                Field.nullable("t", new ArrowType.Timestamp(TimeUnit.SECOND, "UTC")),
                Field.nullable("t", new ArrowType.Timestamp(TimeUnit.SECOND, "America/New_York")), "t"));
    }

    @Test
    void typeIdsNameTheWidth() {
        assertEquals("n: type IDs differ - expected: INT32, actual: INT64",
                message(Field.nullable("n", INT32), Field.nullable("n", INT64), "n"));
        assertEquals("d: type IDs differ - expected: DATE32, actual: TIMESTAMP", message(
                Field.nullable("d", new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY)),
                Field.nullable("d", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")), "d"));
        assertEquals("f: type IDs differ - expected: FLOAT32, actual: FLOAT64", message(
                Field.nullable("f", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
                Field.nullable("f", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), "f"));
        assertEquals("b: type IDs differ - expected: BINARY, actual: BOOL", message(
                Field.nullable("b", ArrowType.Binary.INSTANCE), Field.nullable("b", ArrowType.Bool.INSTANCE), "b"));
    }

    @Test
    void otherTypesCompareByTheirText() {
        assertEquals("d: type string representations differ - expected: Decimal(10, 2, 128), actual: "
                + "Decimal(12, 2, 128)", message(Field.nullable("d", new ArrowType.Decimal(10, 2, 128)),
                Field.nullable("d", new ArrowType.Decimal(12, 2, 128)), "d"));
    }

    @Test
    void listElementNullabilityAndMetadataDoNotCount() {
        Field expected = list("l", Field.notNullable("element", UTF8));
        Field actual = new Field("l", new FieldType(false, ArrowType.List.INSTANCE, null,
                Map.of("d8a.warehouse.clickhouse.low_cardinality", "true")), List.of(Field.nullable("item", UTF8)));
        assertEquals("", message(expected, actual, "l"));
    }

    @Test
    void aRuleThatSaysCompatibleEndsTheComparisonAndOneThatSaysNoDoesNot() {
        TypeComparer.Rule widening = (e, a) -> e.equals(INT32) && a.equals(INT64) ? Optional.of(true)
                : e.equals(INT64) && a.equals(INT32) ? Optional.of(false) : Optional.empty();
        TypeComparer comparer = TypeComparer.withRules(List.of(widening));
        assertEquals(true, comparer.compare(Field.nullable("n", INT32), Field.nullable("n", INT64), "n").equal());
        assertEquals("n: type IDs differ - expected: INT64, actual: INT32",
                comparer.compare(Field.nullable("n", INT64), Field.nullable("n", INT32), "n").message());
        assertEquals(true, comparer.compare(list("l", Field.nullable("item", INT32)),
                list("l", Field.nullable("item", INT64)), "l").equal());
    }
}
