package org.d8a.warehouse.files.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.junit.jupiter.api.Test;

/** spec/warehouses.md §7 vectors 24 (escape) and 26 (fingerprints). */
class SchemaFingerprintTest {

    private static final ArrowType INT64 = new ArrowType.Int(64, true);
    private static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    @Test
    void vector26SingleColumn() throws Exception {
        Schema schema = new Schema(List.of(Field.notNullable("id", INT64)));
        assertEquals("S{FNid{@J};L}", SchemaFingerprint.text(schema));
        assertEquals("67d6e7d4f0396f8b", SchemaFingerprint.of(schema));
    }

    @Test
    void vector26TwoColumns() throws Exception {
        Schema schema = new Schema(List.of(Field.notNullable("id", INT64), Field.notNullable("name", UTF8)));
        assertEquals("S{FNid{@J};FNname{@N};L}", SchemaFingerprint.text(schema));
        assertEquals("5e20eb9f5aa61f3b", SchemaFingerprint.of(schema));
    }

    /**
     * The spec's string and hash for "the TestSchema of row 1" have {@code id} as Int64 ({@code FNid{@J}}), while
     * vector 1 declares {@code id} Utf8. The hash 5b8dc515beffc8a8 is the SHA-256 of the spec's string, so that string
     * is what was fingerprinted: both readings are asserted, each with its own hash.
     */
    @Test
    void vector26TestSchemaAsTheSpecFingerprintedIt() throws Exception {
        Schema schema = testSchema(INT64);
        assertEquals("S{FNid{@J};FNuser_id{@J};Fntimestamp{@Ss3:UTC};FNevent_type{@N};FNsession_id{@N};"
                + "FNis_active{@B};FNscore{@M};FNcount{@J};FNitems{@H};FNrating{@L};Fntags{@Z{@N}};"
                + "Fnmetrics{@Z{@M}};Fnproperties{@Z{@[{Fnkey{@N};Fnvalue{@N};}}};Fncreated_date{@Q};L}",
                SchemaFingerprint.text(schema));
        assertEquals("5b8dc515beffc8a8", SchemaFingerprint.of(schema));
    }

    @Test
    void vector26TestSchemaWithTheUtf8IdOfVector1() throws Exception {
        Schema schema = testSchema(UTF8);
        assertEquals("S{FNid{@N};FNuser_id{@J};", SchemaFingerprint.text(schema).substring(0, 25));
        assertEquals("f2c8214053a9470e", SchemaFingerprint.of(schema));
    }

    private static Schema testSchema(ArrowType idType) {
        Field low = new Field("event_type", new FieldType(false, UTF8, null,
                Map.of(ColumnFields.LOW_CARDINALITY, "true")), List.of());
        return new Schema(List.of(
                Field.notNullable("id", idType),
                Field.notNullable("user_id", INT64),
                Field.nullable("timestamp", new ArrowType.Timestamp(TimeUnit.SECOND, "UTC")),
                low,
                Field.notNullable("session_id", UTF8),
                Field.notNullable("is_active", ArrowType.Bool.INSTANCE),
                Field.notNullable("score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                Field.notNullable("count", INT64),
                Field.notNullable("items", new ArrowType.Int(32, true)),
                Field.notNullable("rating", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
                list("tags", Field.nullable("item", UTF8)),
                list("metrics", Field.nullable("item", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))),
                list("properties", new Field("item", FieldType.nullable(ArrowType.Struct.INSTANCE),
                        List.of(Field.nullable("key", UTF8), Field.nullable("value", UTF8)))),
                Field.nullable("created_date", new ArrowType.Date(DateUnit.DAY))));
    }

    @Test
    void ourMillisecondTimestampsAndMetadataFreeFingerprint() throws Exception {
        Schema schema = new Schema(List.of(Field.nullable("timestamp_utc", ColumnFields.TIMESTAMP)),
                Map.of("any", "metadata"));
        assertEquals("S{Fntimestamp_utc{@Sm3:UTC};L}", SchemaFingerprint.text(schema));
        assertEquals(SchemaFingerprint.of(new Schema(List.of(Field.nullable("timestamp_utc", ColumnFields.TIMESTAMP)))),
                SchemaFingerprint.of(schema));
    }

    @Test
    void vector24EscapesTableNames() {
        assertEquals("events_2026-02-25", StreamKey.escapeTable("events_2026-02-25"));
        assertEquals("______etc_passwd", StreamKey.escapeTable("../../etc/passwd"));
    }

    @Test
    void stemsParseBackAtTheLastUnderscore() {
        StreamKey key = StreamKey.of("my_events", "5e20eb9f5aa61f3b");
        assertEquals("my_events_5e20eb9f5aa61f3b", key.stem());
        assertEquals(key, StreamKey.parse(key.stem()));
        assertThrows(IllegalArgumentException.class, () -> StreamKey.parse("events_abc"));
    }

    private static Field list(String name, Field element) {
        return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(element));
    }
}
