package org.d8a.warehouse.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.TypeIncompatibleException;
import org.d8a.warehouse.clickhouse.ClickHouseCompatibility;
import org.junit.jupiter.api.Test;

/** spec/warehouses.md §1.4, with ClickHouse's nullability rules of §1.5. */
class MissingColumnsTest {

    private static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    private static final ArrowType INT64 = new ArrowType.Int(64, true);
    private static final ArrowType INT32 = new ArrowType.Int(32, true);
    private static final FieldCompatibility CLICKHOUSE = new ClickHouseCompatibility();

    private static Map<String, Field> existing(Field... fields) {
        Map<String, Field> map = new LinkedHashMap<>();
        for (Field field : fields) {
            map.put(field.getName(), field);
        }
        return map;
    }

    @Test
    void missingFieldsInSchemaOrderAndExtraColumnsIgnored() throws Exception {
        Schema schema = new Schema(List.of(Field.nullable("c", UTF8), Field.nullable("a", UTF8),
                Field.nullable("b", INT64)));
        assertEquals(List.of(schema.getFields().get(0), schema.getFields().get(2)), MissingColumns.find("db.t",
                existing(Field.nullable("a", UTF8), Field.nullable("z", UTF8)), schema, CLICKHOUSE));
    }

    @Test
    void everyIncompatibilityIsReportedAndNoFieldReturned() {
        Schema schema = new Schema(List.of(Field.nullable("a", INT64), Field.nullable("new", UTF8),
                Field.nullable("b", UTF8)));
        TypeIncompatibleException e = assertThrows(TypeIncompatibleException.class, () -> MissingColumns.find(
                "db.t", existing(Field.nullable("a", INT32), Field.nullable("b", INT64)), schema, CLICKHOUSE));
        assertEquals("db.t", e.tableName());
        assertEquals(List.of(
                new TypeIncompatibleException.Incompatibility("a", "Int(32, true)", "Int(64, true)",
                        "a: type IDs differ - expected: INT32, actual: INT64"),
                new TypeIncompatibleException.Incompatibility("b", "Int(64, true)", "Utf8",
                        "b: type IDs differ - expected: INT64, actual: STRING")), e.incompatibilities());
        assertEquals("table \"db.t\" has 2 type incompatibilities:"
                + "\n  - column \"a\": existing=\"Int(32, true)\", expected=\"Int(64, true)\" "
                + "(a: type IDs differ - expected: INT32, actual: INT64)"
                + "\n  - column \"b\": existing=\"Int(64, true)\", expected=\"Utf8\" "
                + "(b: type IDs differ - expected: INT64, actual: STRING)", e.getMessage());
    }

    @Test
    void clickHouseIgnoresScalarAndListNullability() {
        assertEquals(Optional.empty(), CLICKHOUSE.incompatibility(Field.notNullable("s", UTF8),
                Field.nullable("s", UTF8)));
        Field nullableList = new Field("l", FieldType.nullable(ArrowType.List.INSTANCE),
                List.of(Field.nullable("item", UTF8)));
        Field requiredList = new Field("l", FieldType.notNullable(ArrowType.List.INSTANCE),
                List.of(Field.nullable("item", UTF8)));
        assertEquals(Optional.empty(), CLICKHOUSE.incompatibility(requiredList, nullableList));
        Field nullableStruct = new Field("s", FieldType.nullable(ArrowType.Struct.INSTANCE),
                List.of(Field.nullable("a", UTF8)));
        Field requiredStruct = new Field("s", FieldType.notNullable(ArrowType.Struct.INSTANCE),
                List.of(Field.nullable("a", UTF8)));
        assertEquals(Optional.of("nullability differs - existing: false, input: true"),
                CLICKHOUSE.incompatibility(requiredStruct, nullableStruct));
    }

    @Test
    void describedTypesShowTheirMembers() {
        Field list = new Field("p", FieldType.nullable(ArrowType.List.INSTANCE), List.of(new Field("item",
                FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(Field.nullable("key", UTF8),
                        Field.nullable("value", INT64)))));
        assertEquals("List<Struct<key: Utf8, value: Int(64, true)>>", MissingColumns.describe(list));
    }
}
