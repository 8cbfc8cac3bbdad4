package org.d8a.warehouse.files.format;

import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The format of {@code warehouse.files.format} and {@code compression}, or the reference's error (spec §4.9). */
public final class FileFormats {

    private FileFormats() {
    }

    /**
     * @throws IllegalStateException {@code unsupported files format: <f>} or
     *     {@code unsupported compression for <f>: <c>}
     */
    public static FileFormat resolve(String format, String compression, int level) {
        String name = format.trim().toLowerCase(Locale.ROOT);
        String codec = compression == null ? "" : compression.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "csv" -> switch (codec) {
                case "" -> new CsvFileFormat(false, level);
                case "gzip" -> new CsvFileFormat(true, level);
                default -> throw unsupported(name, compression);
            };
            case "parquet" -> switch (codec) {
                case "" -> new ParquetFileFormat(CompressionCodecName.UNCOMPRESSED, level);
                case "snappy" -> new ParquetFileFormat(CompressionCodecName.SNAPPY, level);
                case "gzip" -> new ParquetFileFormat(CompressionCodecName.GZIP, level);
                case "zstd" -> new ParquetFileFormat(CompressionCodecName.ZSTD, level);
                default -> throw unsupported(name, compression);
            };
            default -> throw new IllegalStateException("unsupported files format: " + format);
        };
    }

    private static IllegalStateException unsupported(String format, String compression) {
        return new IllegalStateException("unsupported compression for " + format + ": " + compression);
    }
}
