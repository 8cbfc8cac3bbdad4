package org.d8a.warehouse.files.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.files.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec/warehouses.md §7 vectors 21 and 22 through the CSV file format, plain and gzipped. */
class CsvFileFormatTest {

    private static final Schema VECTOR_21 = new Schema(List.of(
            Field.nullable("id", new ArrowType.Int(64, true)),
            Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.nullable("score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.nullable("active", ArrowType.Bool.INSTANCE)));

    @TempDir
    Path dir;

    @Test
    void vector21() throws Exception {
        Path file = write(new CsvFileFormat(false, -1), VECTOR_21, List.of(
                row("id", 1L, "name", "Alice", "score", 95.5, "active", true),
                row("id", 2L, "name", "Bob", "score", 87.3, "active", false)));
        assertEquals("id,name,score,active\n1,Alice,95.5,true\n2,Bob,87.3,false\n",
                Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void vector22ListsMapsNullsTimesAndFloat32() throws Exception {
        Schema schema = new Schema(List.of(
                Field.nullable("id", new ArrowType.Int(64, true)),
                new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE),
                        List.of(Field.nullable("item", ArrowType.Utf8.INSTANCE))),
                Field.nullable("metadata", ArrowType.Utf8.INSTANCE),
                Field.nullable("at", new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.NANOSECOND, "UTC")),
                Field.nullable("rating", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE))));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", "1.0");
        metadata.put("source", "web");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("id", 2L);
        second.put("optional_name", null);
        Path file = write(new CsvFileFormat(false, -1), schema, List.of(
                row("id", 1L, "tags", List.of("important", "urgent"), "metadata", metadata,
                        "at", Instant.parse("2026-02-24T14:30:45.123456789Z"), "rating", 67.89f),
                second));
        assertEquals("id,tags,metadata,at,rating\n"
                + "1,\"[\"\"important\"\",\"\"urgent\"\"]\",\"{\"\"source\"\":\"\"web\"\",\"\"version\"\":\"\"1.0\"\"}\","
                + "2026-02-24T14:30:45.123456789Z,67.89\n"
                + "2,,,,\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("csv", new CsvFileFormat(false, -1).extension());
        assertEquals("csv.gz", new CsvFileFormat(true, -1).extension());
    }

    @Test
    void gzipRoundTripsAtEveryLevelGoAccepts() throws Exception {
        List<Map<String, Object>> rows = List.of(row("id", 1L, "name", "Alice", "score", 95.5, "active", true));
        for (int level : new int[] {-2, -1, 0, 1, 9}) {
            Path file = write(new CsvFileFormat(true, level), VECTOR_21, rows);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                assertEquals("id,name,score,active\n1,Alice,95.5,true\n",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), "level " + level);
            }
        }
        IOException wrong = assertThrows(IOException.class,
                () -> new CsvFileFormat(true, 10).open(dir.resolve("bad.csv.gz"), VECTOR_21));
        assertEquals("gzip: invalid compression level: 10", wrong.getMessage());
    }

    @Test
    void duckDbReadsTheGzippedCsv() throws Exception {
        Path file = write(new CsvFileFormat(true, 6), VECTOR_21, List.of(
                row("id", 1L, "name", "Home, \"page\"", "score", 95.5, "active", true),
                row("id", 2L, "name", null, "score", 1e21, "active", false)));
        List<String> lines = DuckDb.query("SELECT * FROM read_csv(?, header = true) ORDER BY id", file);
        assertEquals("[[\"id\", \"BIGINT\"], [\"name\", \"VARCHAR\"], [\"score\", \"DOUBLE\"], [\"active\", \"BOOLEAN\"]]",
                lines.get(0));
        assertEquals("{\"active\": true, \"id\": 1, \"name\": \"Home, \\\"page\\\"\", \"score\": 95.5}", lines.get(1));
        assertEquals("{\"active\": false, \"id\": 2, \"name\": null, \"score\": 1e+21}", lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void aClosedWriterRefusesRows() throws Exception {
        FileFormat.RowFileWriter writer = new CsvFileFormat(false, -1).open(dir.resolve("closed.csv"), VECTOR_21);
        writer.close();
        writer.close();
        IOException closed = assertThrows(IOException.class, () -> writer.write(List.of()));
        assertEquals("format writer is closed", closed.getMessage());
    }

    private Path write(FileFormat format, Schema schema, List<Map<String, Object>> rows) throws Exception {
        Path file = Files.createTempFile(dir, "rows", "." + format.extension());
        Files.delete(file);
        try (FileFormat.RowFileWriter writer = format.open(file, schema)) {
            writer.write(rows);
        }
        return file;
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
