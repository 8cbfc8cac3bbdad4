package org.d8a.warehouse.files.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.d8a.warehouse.UnsupportedMappingException;

/**
 * The Parquet schema of an Arrow schema as the reference's parquet-go writer lays it out (spec/warehouses.md §4.7):
 * message {@code root}, columns sorted by name at the top level and inside structs, nullable fields OPTIONAL, lists in
 * the three-level LIST layout ({@code <name>} / repeated {@code list} / {@code element}), timestamps as
 * {@code TIMESTAMP(MILLIS, UTC)}, dates as {@code DATE}.
 */
public final class ParquetSchemas {

    static final Comparator<Field> BY_NAME = Comparator.comparing(Field::getName);

    private ParquetSchemas() {
    }

    public static MessageType of(Schema schema) throws UnsupportedMappingException {
        List<Type> columns = new ArrayList<>();
        for (Field field : sorted(schema.getFields())) {
            columns.add(column(field));
        }
        return new MessageType("root", columns);
    }

    static List<Field> sorted(List<Field> fields) {
        return fields.stream().sorted(BY_NAME).toList();
    }

    private static Type column(Field field) throws UnsupportedMappingException {
        if (field.getType() instanceof ArrowType.List) {
            Field element = field.getChildren().get(0);
            Type elementType = element.getType() instanceof ArrowType.Struct
                    ? struct(element, "element")
                    : primitive(element, "element");
            return Types.buildGroup(repetition(field)).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(elementType).named("list"))
                    .named(field.getName());
        }
        return primitive(field, field.getName());
    }

    /** A struct as a list element: a group of its primitive members; nested lists and structs are not supported. */
    private static Type struct(Field struct, String name) throws UnsupportedMappingException {
        List<Type> members = new ArrayList<>();
        for (Field member : sorted(struct.getChildren())) {
            members.add(primitive(member, member.getName()));
        }
        return Types.buildGroup(repetition(struct)).addFields(members.toArray(Type[]::new)).named(name);
    }

    private static Type primitive(Field field, String name) throws UnsupportedMappingException {
        Repetition repetition = repetition(field);
        ArrowType type = field.getType();
        return switch (type.getTypeID()) {
            case Utf8 -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(name);
            case Int -> switch (((ArrowType.Int) type).getBitWidth()) {
                case 64 -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.intType(64, true)).named(name);
                case 32 -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.intType(32, true)).named(name);
                default -> throw new UnsupportedMappingException(type, "parquet");
            };
            case FloatingPoint -> switch (((ArrowType.FloatingPoint) type).getPrecision()) {
                case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
                case SINGLE -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
                default -> throw new UnsupportedMappingException(type, "parquet");
            };
            case Bool -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            case Timestamp -> {
                String zone = ((ArrowType.Timestamp) type).getTimezone();
                if (zone != null && !zone.isEmpty() && !zone.equals("UTC")) {
                    throw new UnsupportedMappingException(type, "parquet");
                }
                yield Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
                        .named(name);
            }
            case Date -> {
                if (((ArrowType.Date) type).getUnit() != DateUnit.DAY) {
                    throw new UnsupportedMappingException(type, "parquet");
                }
                yield Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.dateType())
                        .named(name);
            }
            default -> throw new UnsupportedMappingException(type, "parquet");
        };
    }

    private static Repetition repetition(Field field) {
        return field.isNullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
    }
}
