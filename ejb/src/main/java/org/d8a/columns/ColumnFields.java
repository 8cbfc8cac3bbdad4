package org.d8a.columns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Builds the Arrow fields of columns, with the metadata hints warehouses read. */
public final class ColumnFields {

    /** Field metadata: ClickHouse stores the column as {@code LowCardinality}. */
    public static final String LOW_CARDINALITY = "d8a.warehouse.clickhouse.low_cardinality";
    /** Field metadata: ClickHouse codec of the column. */
    public static final String CODEC = "d8a.warehouse.clickhouse.codec";
    /** Field metadata: human description, used by the generated column reference. */
    public static final String DESCRIPTION = "d8a.column.description";

    /** Timestamps keep millisecond precision (a deliberate fix; the reference truncates to seconds). */
    public static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");
    public static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
    public static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    public static final ArrowType INT64 = new ArrowType.Int(64, true);
    public static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    public static final ArrowType BOOL = ArrowType.Bool.INSTANCE;

    private final String name;
    private final ArrowType type;
    private boolean nullable = true;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private ColumnFields(String name, ArrowType type) {
        this.name = name;
        this.type = type;
    }

    public static ColumnFields field(String name, ArrowType type) {
        return new ColumnFields(name, type);
    }

    public ColumnFields notNull() {
        nullable = false;
        return this;
    }

    public ColumnFields lowCardinality() {
        metadata.put(LOW_CARDINALITY, "true");
        return this;
    }

    /** {@link #lowCardinality()} when {@code lowCardinality} is true, for columns made from a table of names. */
    public ColumnFields lowCardinality(boolean lowCardinality) {
        return lowCardinality ? lowCardinality() : this;
    }

    public ColumnFields codec(String codec) {
        metadata.put(CODEC, codec);
        return this;
    }

    /**
     * A nullable list-of-structs column, such as {@code params} or {@code ecommerce_items}; the list's element is named
     * {@code item}, Arrow's convention.
     */
    public static Field listOfStructs(String name, List<Field> structFields, String description) {
        Field element = new Field("item", FieldType.nullable(ArrowType.Struct.INSTANCE), structFields);
        return new Field(name, new FieldType(true, ArrowType.List.INSTANCE, null, Map.of(DESCRIPTION, description)),
                List.of(element));
    }

    /** A nullable struct member of a list-of-structs column. */
    public static Field member(String name, ArrowType type) {
        return Field.nullable(name, type);
    }

    public Field describedAs(String description) {
        metadata.put(DESCRIPTION, description);
        return new Field(name, new FieldType(nullable, type, null, Map.copyOf(metadata)), List.of());
    }
}
