package org.d8a.warehouse.files.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.UnsupportedMappingException;

/**
 * The schema fingerprint of a files-warehouse stream (spec/warehouses.md §4.5): the first 16 hex digits of the SHA-256
 * of arrow-go's fingerprint string, re-implemented byte for byte so that our paths carry the same {@code schema=}
 * value as the reference's for the same columns. Metadata is not part of it.
 */
public final class SchemaFingerprint {

    private SchemaFingerprint() {
    }

    /** 16 lowercase hex digits. */
    public static String of(Schema schema) throws UnsupportedMappingException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text(schema).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** arrow-go's {@code Schema.Fingerprint()}: {@code S{<field>;...L}}, {@code L} for a little-endian host. */
    public static String text(Schema schema) throws UnsupportedMappingException {
        StringBuilder text = new StringBuilder("S{");
        for (Field field : schema.getFields()) {
            text.append(field(field)).append(';');
        }
        return text.append("L}").toString();
    }

    private static String field(Field field) throws UnsupportedMappingException {
        return "F" + (field.isNullable() ? 'n' : 'N') + field.getName() + '{' + type(field) + '}';
    }

    private static String type(Field field) throws UnsupportedMappingException {
        ArrowType type = field.getType();
        return switch (type.getTypeID()) {
            case Bool -> code(1);
            case Int -> integer((ArrowType.Int) type);
            case FloatingPoint -> switch (((ArrowType.FloatingPoint) type).getPrecision()) {
                case HALF -> code(10);
                case SINGLE -> code(11);
                case DOUBLE -> code(12);
            };
            case Utf8 -> code(13);
            case Binary -> code(14);
            case Date -> code(((ArrowType.Date) type).getUnit() == DateUnit.DAY ? 16 : 17);
            case Timestamp -> timestamp((ArrowType.Timestamp) type);
            // a list's element name and nullability are not part of it
            case List -> code(25) + "{" + type(field.getChildren().get(0)) + "}";
            case Struct -> {
                StringBuilder struct = new StringBuilder(code(26)).append('{');
                for (Field child : field.getChildren()) {
                    struct.append(field(child)).append(';');
                }
                yield struct.append('}').toString();
            }
            default -> throw new UnsupportedMappingException(type, "fingerprint");
        };
    }

    private static String integer(ArrowType.Int type) throws UnsupportedMappingException {
        int id = switch (type.getBitWidth()) {
            case 8 -> type.getIsSigned() ? 3 : 2;
            case 16 -> type.getIsSigned() ? 5 : 4;
            case 32 -> type.getIsSigned() ? 7 : 6;
            case 64 -> type.getIsSigned() ? 9 : 8;
            default -> throw new UnsupportedMappingException(type, "fingerprint");
        };
        return code(id);
    }

    private static String timestamp(ArrowType.Timestamp type) {
        char unit = switch (type.getUnit()) {
            case SECOND -> 's';
            case MILLISECOND -> 'm';
            case MICROSECOND -> 'u';
            case NANOSECOND -> 'n';
        };
        String zone = type.getTimezone() == null ? "" : type.getTimezone();
        return code(18) + unit + zone.length() + ':' + zone;
    }

    /** {@code @} and the letter {@code 'A' + arrow type id}. */
    private static String code(int typeId) {
        return "@" + (char) ('A' + typeId);
    }
}
