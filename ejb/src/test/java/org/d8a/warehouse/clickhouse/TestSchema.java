package org.d8a.warehouse.clickhouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.columns.ColumnFields;

/** The reference's shared test schema (spec/warehouses.md §7 vector 1): 14 fields of every supported kind. */
public final class TestSchema {

    public static final ArrowType TIMESTAMP_S = new ArrowType.Timestamp(TimeUnit.SECOND, "UTC");
    public static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    public static final ArrowType INT64 = new ArrowType.Int(64, true);
    public static final ArrowType INT32 = new ArrowType.Int(32, true);
    public static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    public static final ArrowType FLOAT32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    public static final ArrowType DATE32 = new ArrowType.Date(DateUnit.DAY);

    private TestSchema() {
    }

    public static Schema schema() {
        return new Schema(List.of(
                notNull("id", UTF8),
                notNull("user_id", INT64),
                Field.nullable("timestamp", TIMESTAMP_S),
                new Field("event_type", new FieldType(false, UTF8, null,
                        Map.of(ColumnFields.LOW_CARDINALITY, "true")), List.of()),
                notNull("session_id", UTF8),
                notNull("is_active", ArrowType.Bool.INSTANCE),
                notNull("score", FLOAT64),
                notNull("count", INT64),
                notNull("items", INT32),
                notNull("rating", FLOAT32),
                list("tags", Field.nullable("item", UTF8)),
                list("metrics", Field.nullable("item", FLOAT64)),
                list("properties", new Field("item", FieldType.nullable(ArrowType.Struct.INSTANCE),
                        List.of(Field.nullable("key", UTF8), Field.nullable("value", UTF8)))),
                Field.nullable("created_date", DATE32)));
    }

    public static Field notNull(String name, ArrowType type) {
        return Field.notNullable(name, type);
    }

    public static Field list(String name, Field element) {
        return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(element));
    }

    public static Field withMetadata(Field field, Map<String, String> metadata) {
        return new Field(field.getName(), new FieldType(field.isNullable(), field.getType(), null, metadata),
                field.getChildren());
    }

    /** The values of the schema's required fields. */
    public static Map<String, Object> requiredValues(String id) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("user_id", 7L);
        row.put("event_type", "page_view");
        row.put("session_id", "s1");
        row.put("is_active", true);
        row.put("score", 1.5);
        row.put("count", 3L);
        row.put("items", 2);
        row.put("rating", 4.5f);
        return row;
    }

    /** A value for every field. */
    public static Map<String, Object> fullRow(String id) {
        Map<String, Object> row = requiredValues(id);
        row.put("timestamp", Instant.parse("2025-06-15T12:00:00Z"));
        row.put("tags", List.of("a", "b"));
        row.put("metrics", List.of(1.0, 2.5));
        row.put("properties", List.of(Map.of("key", "k", "value", "v")));
        row.put("created_date", LocalDate.of(2025, 6, 15));
        return row;
    }
}
