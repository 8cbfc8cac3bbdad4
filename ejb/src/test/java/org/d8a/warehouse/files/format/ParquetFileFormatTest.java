package org.d8a.warehouse.files.format;

import static org.d8a.warehouse.files.format.CsvFileFormatTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.d8a.columns.ColumnFields;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.files.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet files of an events-like schema read back by DuckDB: column names in name order, types (timestamps with time
 * zone, dates, lists of structs) and every value, for each codec. Hadoop is not on this test's class path.
 */
class ParquetFileFormatTest {

    static final Schema EVENTS = new Schema(List.of(
            ColumnFields.field("timestamp_utc", ColumnFields.TIMESTAMP).notNull().describedAs("time"),
            ColumnFields.field("date_utc", ColumnFields.DATE).describedAs("date"),
            ColumnFields.field("name", ColumnFields.UTF8).lowCardinality().describedAs("event name"),
            ColumnFields.field("event_number", ColumnFields.INT64).describedAs("n"),
            ColumnFields.field("value", ColumnFields.FLOAT64).describedAs("v"),
            ColumnFields.field("is_engaged", ColumnFields.BOOL).describedAs("e"),
            ColumnFields.listOfStructs("params", List.of(
                    ColumnFields.member("name", ColumnFields.UTF8),
                    ColumnFields.member("value_string", ColumnFields.UTF8),
                    ColumnFields.member("value_number", ColumnFields.FLOAT64)), "params")));

    static final List<Map<String, Object>> ROWS = List.of(
            row("timestamp_utc", Instant.parse("2026-02-24T14:30:45.123Z"), "date_utc", LocalDate.of(2026, 2, 24),
                    "name", "page_view", "event_number", 1L, "value", 95.5, "is_engaged", true,
                    "params", List.of(row("name", "page_title", "value_string", "Home", "value_number", null),
                            row("name", "seats", "value_number", 3.0))),
            row("timestamp_utc", "2026-02-25T08:00:00+02:00", "date_utc", Instant.parse("2026-02-25T06:00:00Z"),
                    "name", "scroll", "event_number", null, "value", null, "is_engaged", null, "params", null));

    @TempDir
    Path dir;

    @Test
    void duckDbReadsEveryCodec() throws Exception {
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.GZIP, CompressionCodecName.ZSTD)) {
            Path file = dir.resolve(codec + ".parquet");
            try (FileFormat.RowFileWriter writer = new ParquetFileFormat(codec, 6).open(file, EVENTS)) {
                writer.write(ROWS);
            }
            List<String> lines = DuckDb.query("SELECT * FROM read_parquet(?) ORDER BY timestamp_utc", file);
            assertEquals(Arrays.asList(
                    "[[\"date_utc\", \"DATE\"], [\"event_number\", \"BIGINT\"], [\"is_engaged\", \"BOOLEAN\"], "
                            + "[\"name\", \"VARCHAR\"], [\"params\", \"STRUCT(\\\"name\\\" VARCHAR, value_number DOUBLE, "
                            + "value_string VARCHAR)[]\"], [\"timestamp_utc\", \"TIMESTAMP WITH TIME ZONE\"], "
                            + "[\"value\", \"DOUBLE\"]]",
                    "{\"date_utc\": \"2026-02-24\", \"event_number\": 1, \"is_engaged\": true, \"name\": \"page_view\", "
                            + "\"params\": [{\"name\": \"page_title\", \"value_number\": null, \"value_string\": \"Home\"}, "
                            + "{\"name\": \"seats\", \"value_number\": 3.0, \"value_string\": null}], "
                            + "\"timestamp_utc\": \"2026-02-24 14:30:45.123000+00:00\", \"value\": 95.5}",
                    "{\"date_utc\": \"2026-02-25\", \"event_number\": null, \"is_engaged\": null, \"name\": \"scroll\", "
                            + "\"params\": null, \"timestamp_utc\": \"2026-02-25 06:00:00+00:00\", \"value\": null}"),
                    lines, codec.toString());
            List<String> layout = DuckDb.query("SELECT count(DISTINCT row_group_id) AS row_groups, "
                    + "string_agg(DISTINCT compression, ',') AS codecs FROM parquet_metadata(?)", file);
            assertEquals("{\"codecs\": \"" + codec + "\", \"row_groups\": 1}", layout.get(1), codec.toString());
        }
    }

    @Test
    void vector23StoredValuesAsDuckDbSeesThem() throws Exception {
        Schema schema = new Schema(List.of(
                ColumnFields.field("n", ColumnFields.INT64).describedAs("n"),
                Field.nullable("ts", new org.apache.arrow.vector.types.pojo.ArrowType.Timestamp(
                        org.apache.arrow.vector.types.TimeUnit.SECOND, "UTC")),
                ColumnFields.field("d", ColumnFields.DATE).describedAs("d")));
        Path file = dir.resolve("vector23.parquet");
        try (FileFormat.RowFileWriter writer = new ParquetFileFormat(CompressionCodecName.UNCOMPRESSED, -1)
                .open(file, schema)) {
            writer.write(List.of(row("n", 10.0, "ts", "2026-02-24T14:30:45Z", "d", "2026-02-24"),
                    row("n", 11L, "ts", 1772020800L, "d", java.time.OffsetDateTime.parse("2026-02-25T08:00+02:00"))));
        }
        List<String> lines = DuckDb.query("SELECT n, epoch_ms(ts) AS ms, CAST(d - DATE '1970-01-01' AS BIGINT) AS days"
                + " FROM read_parquet(?) ORDER BY n", file);
        assertEquals("{\"days\": 20508, \"ms\": 1771943445000, \"n\": 10}", lines.get(1));
        assertEquals("{\"days\": 20509, \"ms\": 1772020800000, \"n\": 11}", lines.get(2));
    }

    @Test
    void aValueOfTheWrongShapeFailsTheFileNamingTheColumn() throws Exception {
        Path file = dir.resolve("wrong.parquet");
        try (FileFormat.RowFileWriter writer = new ParquetFileFormat(CompressionCodecName.UNCOMPRESSED, -1)
                .open(file, EVENTS)) {
            WarehouseException wrong = assertThrows(WarehouseException.class, () -> writer.write(List.of(
                    row("timestamp_utc", Instant.EPOCH, "event_number", 123.5))));
            assertEquals("column \"event_number\": float64 value 123.5 is not an integer", wrong.getMessage());
        }
    }
}
