package org.d8a.warehouse.files.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * CSV as the reference writes it (spec/warehouses.md §4.6): a header of the schema's field names, one line per row in
 * schema order, Go quoting and value text ({@link CsvText}); optionally one gzip stream per file.
 */
public final class CsvFileFormat implements FileFormat {

    /** Go's {@code gzip.HuffmanOnly}. */
    static final int HUFFMAN_ONLY = -2;

    private final boolean gzip;
    private final int level;

    /** @param level gzip level: -1 default (6), -2 Huffman only, 0 store, 1-9; checked when a file is written */
    public CsvFileFormat(boolean gzip, int level) {
        this.gzip = gzip;
        this.level = level;
    }

    @Override
    public String extension() {
        return gzip ? "csv.gz" : "csv";
    }

    /** What the configuration chose, as {@code warehouse.files.*} names it: {@code csv, gzip level 9}. */
    @Override
    public String toString() {
        return gzip ? "csv, gzip level " + level : "csv";
    }

    @Override
    public RowFileWriter open(Path file, Schema schema) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        try {
            if (gzip) {
                out = gzip(out, level);
            }
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return new CsvRowWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                schema.getFields());
    }

    private static OutputStream gzip(OutputStream out, int level) throws IOException {
        if (level < HUFFMAN_ONLY || level > Deflater.BEST_COMPRESSION) {
            throw new IOException("gzip: invalid compression level: " + level);
        }
        return new GZIPOutputStream(out, 1 << 16) {
            {
                if (level == HUFFMAN_ONLY) {
                    def.setStrategy(Deflater.HUFFMAN_ONLY);
                } else {
                    def.setLevel(level);
                }
            }
        };
    }

    private static final class CsvRowWriter implements RowFileWriter {

        private final Writer out;
        private final List<Field> fields;
        private boolean closed;

        CsvRowWriter(Writer out, List<Field> fields) throws IOException {
            this.out = out;
            this.fields = fields;
            // the header comes first, so a segment without rows still gives a file that names its columns
            out.write(CsvText.line(fields.stream().map(Field::getName).toList()));
        }

        @Override
        public void write(List<Map<String, Object>> rows) throws IOException {
            if (closed) {
                throw new IOException("format writer is closed");
            }
            List<String> cells = new ArrayList<>(fields.size());
            for (Map<String, Object> row : rows) {
                cells.clear();
                for (Field field : fields) {
                    cells.add(CsvText.of(row.get(field.getName())));
                }
                out.write(CsvText.line(cells));
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.close();
            }
        }
    }
}
