package org.d8a.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.d8a.columns.ColumnFields;
import org.d8a.warehouse.UnsupportedMappingException;
import org.d8a.warehouse.WarehouseException;
import org.junit.jupiter.api.Test;

/** Vectors 2-9 of spec/warehouses.md §7 and the §2.2 type table. */
class ClickHouseTypesTest {

    private static Field with(Field field, String key, String value) {
        return TestSchema.withMetadata(field, Map.of(key, value));
    }

    private static Field listOfStructs(String name, Field... members) {
        return TestSchema.list(name, new Field("item", FieldType.nullable(ArrowType.Struct.INSTANCE),
                List.of(members)));
    }

    @Test
    void vector2CodecOnARequiredColumn() throws Exception {
        assertEquals("String CODEC(Delta, ZSTD)", ClickHouseTypes.definition(
                with(Field.notNullable("f", TestSchema.UTF8), ColumnFields.CODEC, "CODEC(Delta, ZSTD)")));
    }

    @Test
    void vector3CodecFollowsTheDefault() throws Exception {
        assertEquals("String DEFAULT '' CODEC(Delta, ZSTD)", ClickHouseTypes.definition(
                with(Field.nullable("f", TestSchema.UTF8), ColumnFields.CODEC, "CODEC(Delta, ZSTD)")));
    }

    @Test
    void vector4CodecWithoutCompressionAndInvalidCodecs() throws Exception {
        assertEquals("CODEC(Delta)", ColumnCodec.value("Delta", ""));
        assertEquals("CODEC(Delta, LZ4)", ColumnCodec.value("Delta", "LZ4"));
        assertEquals("Int64 CODEC(Delta)", ClickHouseTypes.definition(
                with(Field.notNullable("n", TestSchema.INT64), ColumnFields.CODEC, ColumnCodec.value("Delta", ""))));
        WarehouseException empty = assertThrows(WarehouseException.class, () -> ClickHouseTypes.definition(
                with(Field.notNullable("n", TestSchema.INT64), ColumnFields.CODEC, "  ")));
        assertEquals("codec metadata value cannot be empty for field n", empty.getMessage());
        WarehouseException invalid = assertThrows(WarehouseException.class, () -> ClickHouseTypes.definition(
                with(Field.notNullable("n", TestSchema.INT64), ColumnFields.CODEC, "INVALID_CODEC")));
        assertEquals("invalid codec metadata value for field n: must start with 'CODEC('", invalid.getMessage());
    }

    @Test
    void vector5NestedMembersArePlainTypes() throws Exception {
        assertEquals("Nested(`id` Int32, `score` Float64, `active` Bool, `name` String)",
                ClickHouseTypes.definition(listOfStructs("items", Field.notNullable("id", TestSchema.INT32),
                        Field.nullable("score", TestSchema.FLOAT64), Field.nullable("active", ArrowType.Bool.INSTANCE),
                        Field.nullable("name", TestSchema.UTF8))));
    }

    @Test
    void vector6NestedTimestamp() throws Exception {
        assertEquals("Nested(`event_name` String, `timestamp` DateTime64(0))",
                ClickHouseTypes.definition(listOfStructs("events", Field.nullable("event_name", TestSchema.UTF8),
                        Field.notNullable("timestamp", TestSchema.TIMESTAMP_S))));
    }

    @Test
    void vector7LowCardinalityOnlyWhenExactlyTrue() throws Exception {
        assertEquals("LowCardinality(String)", ClickHouseTypes.definition(
                with(Field.notNullable("a", TestSchema.UTF8), ColumnFields.LOW_CARDINALITY, "true")));
        assertEquals("LowCardinality(Int64)", ClickHouseTypes.definition(
                with(Field.notNullable("b", TestSchema.INT64), ColumnFields.LOW_CARDINALITY, "true")));
        assertEquals("String", ClickHouseTypes.definition(
                with(Field.notNullable("c", TestSchema.UTF8), ColumnFields.LOW_CARDINALITY, "false")));
    }

    @Test
    void vector8NullableLowCardinalityAndItsReadBack() throws Exception {
        ColumnType type = ClickHouseTypes.columnType(
                with(Field.nullable("a", TestSchema.UTF8), ColumnFields.LOW_CARDINALITY, "true"));
        assertEquals("LowCardinality(String)", type.type());
        assertEquals("''", type.defaultExpression());
        assertEquals("LowCardinality(String) DEFAULT ''", type.text());

        Field back = ClickHouseColumnReader.field("a", "LowCardinality(String)", "DEFAULT");
        assertEquals(ArrowType.Utf8.INSTANCE, back.getType());
        assertEquals(true, back.isNullable());
        assertEquals(Map.of(), back.getMetadata());
    }

    @Test
    void vector9UnsupportedStructsAndTypes() {
        Field struct = new Field("s", FieldType.nullable(ArrowType.Struct.INSTANCE),
                List.of(Field.nullable("id", TestSchema.INT64), Field.nullable("count", TestSchema.INT64)));
        assertThrows(UnsupportedMappingException.class, () -> ClickHouseTypes.definition(struct));
        Field listInStruct = listOfStructs("l", Field.nullable("name", TestSchema.UTF8),
                TestSchema.list("tags", Field.nullable("item", TestSchema.UTF8)));
        UnsupportedMappingException inner = assertThrows(UnsupportedMappingException.class,
                () -> ClickHouseTypes.definition(listInStruct));
        assertEquals("mapper \"clickhouse\" does not support Arrow type \"List\"", inner.getMessage());
        assertThrows(UnsupportedMappingException.class, () -> ClickHouseTypes.definition(
                TestSchema.list("l", Field.nullable("item", new ArrowType.Int(8, true)))));
    }

    @Test
    void everyOtherArrowTypeIsUnsupported() {
        for (ArrowType type : List.of(new ArrowType.Date(DateUnit.MILLISECOND), new ArrowType.Int(8, true),
                new ArrowType.Int(16, true), new ArrowType.Int(64, false), new ArrowType.Int(32, false),
                new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.HALF),
                new ArrowType.Time(TimeUnit.MILLISECOND, 32), new ArrowType.Duration(TimeUnit.SECOND),
                new ArrowType.Decimal(38, 2, 128), ArrowType.Binary.INSTANCE, ArrowType.LargeUtf8.INSTANCE,
                new ArrowType.FixedSizeBinary(4), new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
                new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC"), new ArrowType.Timestamp(TimeUnit.SECOND, null),
                new ArrowType.Timestamp(TimeUnit.SECOND, "Europe/Warsaw"),
                new ArrowType.Union(UnionMode.Sparse, new int[0]), ArrowType.Null.INSTANCE)) {
            UnsupportedMappingException e = assertThrows(UnsupportedMappingException.class,
                    () -> ClickHouseTypes.definition(Field.nullable("f", type)), type.toString());
            assertEquals("clickhouse", e.mapper());
        }
    }

    @Test
    void bothTimestampPrecisionsMapAndReadBack() throws Exception {
        assertEquals("DateTime64(0) DEFAULT '1970-01-01 00:00:00'",
                ClickHouseTypes.definition(Field.nullable("t", TestSchema.TIMESTAMP_S)));
        assertEquals("DateTime64(3) CODEC(Delta, LZ4)", ClickHouseTypes.definition(
                with(Field.notNullable("t", ColumnFields.TIMESTAMP), ColumnFields.CODEC, "CODEC(Delta, LZ4)")));

        Field seconds = ClickHouseColumnReader.field("t", "DateTime64(0)", "");
        assertEquals(TestSchema.TIMESTAMP_S, seconds.getType());
        assertEquals(Map.of(ClickHouseColumnReader.PRECISION, "0"), seconds.getMetadata());
        Field millis = ClickHouseColumnReader.field("t", "DateTime64(3)", "DEFAULT");
        assertEquals(ColumnFields.TIMESTAMP, millis.getType());
        assertEquals(true, millis.isNullable());
    }

    @Test
    void everyTypeReadsBackAsItsArrowType() throws Exception {
        for (Field field : TestSchema.schema().getFields()) {
            String type = ClickHouseTypes.columnType(field).type();
            Field back = ClickHouseColumnReader.field(field.getName(), type, field.isNullable()
                    && !(field.getType() instanceof ArrowType.List) ? "DEFAULT" : "");
            assertEquals(field.getType(), back.getType(), type);
            assertEquals(new ClickHouseCompatibility().incompatibility(back, field), java.util.Optional.empty(),
                    type);
        }
    }

    @Test
    void typesD8aDoesNotCreateDoNotReadBack() {
        for (String type : List.of("Nullable(String)", "DateTime", "DateTime64(6)", "DateTime64(x)", "UInt64",
                "Int8", "Int16", "Decimal(10, 2)", "UUID", "Enum8('a' = 1)", "Map(String, String)",
                "Tuple(String, Int32)", "FixedString(3)", "Array(UInt8)", "Nested(id UInt64)")) {
            assertThrows(UnsupportedMappingException.class, () -> ClickHouseColumnReader.field("c", type, ""),
                    type);
        }
    }

    @Test
    void arraysAndNestedReadBackWithNullableElements() throws Exception {
        Field array = ClickHouseColumnReader.field("tags", "Array(String)", "");
        assertEquals(ArrowType.List.INSTANCE, array.getType());
        assertEquals(ArrowType.Utf8.INSTANCE, array.getChildren().get(0).getType());
        Field nested = ClickHouseColumnReader.field("p", "Nested(key String, value Int64)", "");
        Field element = nested.getChildren().get(0);
        assertEquals(ArrowType.Struct.INSTANCE, element.getType());
        assertEquals(List.of(Field.nullable("key", TestSchema.UTF8), Field.nullable("value", TestSchema.INT64)),
                element.getChildren());
    }
}
