package org.d8a.warehouse.files.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.schema.MessageType;
import org.d8a.warehouse.UnsupportedMappingException;
import org.junit.jupiter.api.Test;

/** spec/warehouses.md §7 vector 23: what each Parquet column accepts and writes. */
class ParquetValuesTest {

    @Test
    void int64FromIntegralFloatsOnly() {
        assertEquals(10L, ParquetValues.int64(10.0));
        assertEquals(7L, ParquetValues.int64(7));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParquetValues.int64(123.5)).getMessage()
                .contains("not an integer"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParquetValues.int64(Double.MAX_VALUE))
                .getMessage().contains("overflows int64 range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParquetValues.int64(Double.NaN))
                .getMessage().contains("invalid float64 int value"));
        assertEquals("expected int64, got string",
                assertThrows(IllegalArgumentException.class, () -> ParquetValues.int64("1")).getMessage());
    }

    @Test
    void int32AndFloat32Ranges() {
        assertEquals("int64 value 17179869184 overflows int32 range",
                assertThrows(IllegalArgumentException.class, () -> ParquetValues.int32(17179869184L)).getMessage());
        assertEquals("float64 value 1e+40 overflows float32 range",
                assertThrows(IllegalArgumentException.class, () -> ParquetValues.float32(1e40)).getMessage());
        assertEquals(3.14f, ParquetValues.float32(3.14));
    }

    @Test
    void timestampsAsStoredMilliseconds() {
        assertEquals(1771943445000L, ParquetValues.timestampMillis("2026-02-24T14:30:45Z", TimeUnit.SECOND));
        assertEquals(1772020800000L, ParquetValues.timestampMillis(1772020800L, TimeUnit.SECOND));
        assertEquals(1772020800500L, ParquetValues.timestampMillis(1772020800.5, TimeUnit.SECOND));
        assertEquals(1771943445123L, ParquetValues.timestampMillis(Instant.parse("2026-02-24T14:30:45.123Z"),
                TimeUnit.MILLISECOND));
        assertEquals(1771943445123L, ParquetValues.timestampMillis(1771943445123L, TimeUnit.MILLISECOND));
    }

    @Test
    void datesAsUtcDays() {
        assertEquals(20508, ParquetValues.days("2026-02-24"));
        assertEquals(20509, ParquetValues.days(OffsetDateTime.parse("2026-02-25T08:00:00+02:00")));
        assertEquals(20509, ParquetValues.days("2026-02-25T08:00:00+02:00"));
        assertEquals("expected time.Time or date string, got int", assertThrows(IllegalArgumentException.class,
                () -> ParquetValues.days(12345)).getMessage());
    }

    @Test
    void nullListsFollowNullability() throws Exception {
        Field required = new Field("ids", FieldType.notNullable(ArrowType.List.INSTANCE),
                List.of(Field.nullable("item", new ArrowType.Int(64, true))));
        Field optional = new Field("ids", FieldType.nullable(ArrowType.List.INSTANCE),
                List.of(Field.nullable("item", new ArrowType.Int(64, true))));
        Group requiredRow = new SimpleGroup(ParquetSchemas.of(new Schema(List.of(required))));
        assertEquals("expected []any for array, got <nil>", assertThrows(IllegalArgumentException.class,
                () -> ParquetFileFormat.addField(requiredRow, required, null)).getMessage());
        Group optionalRow = new SimpleGroup(ParquetSchemas.of(new Schema(List.of(optional))));
        ParquetFileFormat.addField(optionalRow, optional, null);
        assertEquals(0, optionalRow.getFieldRepetitionCount("ids"));
    }

    @Test
    void layoutIsSortedByNameWithListsAndUnsupportedTypesFail() throws Exception {
        MessageType type = ParquetSchemas.of(new Schema(List.of(
                Field.notNullable("b", ArrowType.Utf8.INSTANCE),
                new Field("a", FieldType.nullable(ArrowType.List.INSTANCE), List.of(new Field("item",
                        FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                                Field.nullable("z", ArrowType.Utf8.INSTANCE),
                                Field.nullable("y", new ArrowType.Int(64, true)))))))));
        assertEquals("""
                message root {
                  optional group a (LIST) {
                    repeated group list {
                      optional group element {
                        optional int64 y (INTEGER(64,true));
                        optional binary z (STRING);
                      }
                    }
                  }
                  required binary b (STRING);
                }
                """, type.toString());
        Field struct = new Field("s", FieldType.nullable(ArrowType.Struct.INSTANCE),
                List.of(Field.nullable("x", ArrowType.Utf8.INSTANCE)));
        UnsupportedMappingException unsupported = assertThrows(UnsupportedMappingException.class,
                () -> ParquetSchemas.of(new Schema(List.of(struct))));
        assertEquals("mapper \"parquet\" does not support Arrow type \"Struct\"", unsupported.getMessage());
    }
}
