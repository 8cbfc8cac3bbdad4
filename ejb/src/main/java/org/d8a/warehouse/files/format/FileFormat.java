package org.d8a.warehouse.files.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.WarehouseException;

/** How a segment's rows become one file: CSV, gzipped CSV or Parquet. */
public interface FileFormat {

    /** The file name extension: {@code csv}, {@code csv.gz} or {@code parquet}. */
    String extension();

    /** Starts writing {@code file}; the rows are checked against {@code schema} here, not at write time. */
    RowFileWriter open(Path file, Schema schema) throws IOException, WarehouseException;

    /** Writes rows into one file; the file is complete once {@link #close()} returned. */
    interface RowFileWriter extends AutoCloseable {

        void write(List<Map<String, Object>> rows) throws IOException, WarehouseException;

        @Override
        void close() throws IOException;
    }
}
