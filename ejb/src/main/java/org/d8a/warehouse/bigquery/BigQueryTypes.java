package org.d8a.warehouse.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.StandardSQLTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.d8a.columns.ColumnFields;
import org.d8a.warehouse.UnsupportedMappingException;

/**
 * Arrow field ↔ BigQuery column (spec/warehouses.md §3.2). Lists become REPEATED columns, lists of structs REPEATED
 * RECORDs of primitives; top-level structs are refused. TIMESTAMP columns are read back as millisecond timestamps,
 * the unit of d8a's own columns (a deliberate fix of the reference's seconds; BigQuery keeps microseconds).
 */
public final class BigQueryTypes {

    static final String MAPPER = "bigquery";

    private BigQueryTypes() {
    }

    public static Field toBigQuery(org.apache.arrow.vector.types.pojo.Field field) throws UnsupportedMappingException {
        ArrowType type = field.getType();
        if (type instanceof ArrowType.List) {
            org.apache.arrow.vector.types.pojo.Field element = field.getChildren().get(0);
            if (element.getType() instanceof ArrowType.Struct) {
                List<Field> members = new ArrayList<>();
                for (org.apache.arrow.vector.types.pojo.Field member : element.getChildren()) {
                    members.add(scalar(member));
                }
                return described(Field.newBuilder(field.getName(), StandardSQLTypeName.STRUCT,
                        FieldList.of(members)), field).setMode(Field.Mode.REPEATED).build();
            }
            return described(Field.newBuilder(field.getName(), primitive(element.getType())), field)
                    .setMode(Field.Mode.REPEATED).build();
        }
        return scalar(field);
    }

    private static Field scalar(org.apache.arrow.vector.types.pojo.Field field) throws UnsupportedMappingException {
        return described(Field.newBuilder(field.getName(), primitive(field.getType())), field)
                .setMode(field.isNullable() ? Field.Mode.NULLABLE : Field.Mode.REQUIRED).build();
    }

    private static Field.Builder described(Field.Builder builder, org.apache.arrow.vector.types.pojo.Field field) {
        Map<String, String> metadata = field.getMetadata();
        String description = metadata == null ? null : metadata.get(ColumnFields.DESCRIPTION);
        if (description != null && !description.isEmpty()) {
            builder.setDescription(description);
        }
        return builder;
    }

    static StandardSQLTypeName primitive(ArrowType type) throws UnsupportedMappingException {
        if (type instanceof ArrowType.Utf8) {
            return StandardSQLTypeName.STRING;
        }
        if (type instanceof ArrowType.Int integer && integer.getIsSigned()
                && (integer.getBitWidth() == 64 || integer.getBitWidth() == 32)) {
            return StandardSQLTypeName.INT64;
        }
        if (type instanceof ArrowType.FloatingPoint floating
                && floating.getPrecision() != FloatingPointPrecision.HALF) {
            return StandardSQLTypeName.FLOAT64;
        }
        if (type instanceof ArrowType.Bool) {
            return StandardSQLTypeName.BOOL;
        }
        if (type instanceof ArrowType.Date date && date.getUnit() == DateUnit.DAY) {
            return StandardSQLTypeName.DATE;
        }
        if (type instanceof ArrowType.Timestamp timestamp && "UTC".equals(timestamp.getTimezone())
                && (timestamp.getUnit() == TimeUnit.SECOND || timestamp.getUnit() == TimeUnit.MILLISECOND)) {
            return StandardSQLTypeName.TIMESTAMP;
        }
        throw new UnsupportedMappingException(type, MAPPER);
    }

    /** The Arrow field of an existing column, for the comparison with the schema (MissingColumns). */
    public static org.apache.arrow.vector.types.pojo.Field toArrow(Field column) throws UnsupportedMappingException {
        Field.Mode mode = column.getMode() == null ? Field.Mode.NULLABLE : column.getMode();
        if (mode == Field.Mode.REPEATED) {
            org.apache.arrow.vector.types.pojo.Field element = element(column);
            return new org.apache.arrow.vector.types.pojo.Field(column.getName(),
                    FieldType.nullable(ArrowType.List.INSTANCE), List.of(element));
        }
        if (column.getType() == LegacySQLTypeName.RECORD) {
            return struct(column.getName(), mode != Field.Mode.REQUIRED, column.getSubFields());
        }
        return new org.apache.arrow.vector.types.pojo.Field(column.getName(),
                new FieldType(mode != Field.Mode.REQUIRED, arrow(column.getType()), null), null);
    }

    private static org.apache.arrow.vector.types.pojo.Field element(Field column)
            throws UnsupportedMappingException {
        if (column.getType() == LegacySQLTypeName.RECORD) {
            return struct("element", true, column.getSubFields());
        }
        return new org.apache.arrow.vector.types.pojo.Field("element",
                FieldType.nullable(arrow(column.getType())), null);
    }

    private static org.apache.arrow.vector.types.pojo.Field struct(String name, boolean nullable, FieldList members)
            throws UnsupportedMappingException {
        List<org.apache.arrow.vector.types.pojo.Field> children = new ArrayList<>();
        for (Field member : members) {
            children.add(toArrow(member));
        }
        return new org.apache.arrow.vector.types.pojo.Field(name,
                new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
    }

    private static ArrowType arrow(LegacySQLTypeName type) throws UnsupportedMappingException {
        StandardSQLTypeName standard = type.getStandardType();
        return switch (standard) {
            case STRING -> ArrowType.Utf8.INSTANCE;
            case INT64 -> new ArrowType.Int(64, true);
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BOOL -> ArrowType.Bool.INSTANCE;
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            default -> throw new UnsupportedMappingException(standard.name(), MAPPER);
        };
    }
}
