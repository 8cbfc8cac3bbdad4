package org.d8a.warehouse.files.format;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for the Parquet writer without Hadoop: parquet-hadoop's own codec factory builds a Hadoop
 * {@code Configuration} and Hadoop codec classes (dragging in hadoop-common and its dependencies at run time),
 * while the codecs themselves are libraries parquet-hadoop already depends on (snappy-java, zstd-jni) and the JDK's
 * gzip.
 */
final class ParquetCodecs implements CompressionCodecFactory {

    /** zstd-jni's default, the level parquet-go's default speed corresponds to. */
    static final int ZSTD_LEVEL = 3;

    private final int gzipLevel;

    /** @param gzipLevel -1 (default), -2 (Huffman only), 0-9 */
    ParquetCodecs(int gzipLevel) {
        this.gzipLevel = gzipLevel;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return BytesInput.from(compressBytes(codec, bytes.toByteArray()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(decompressBytes(codec, bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] compressed = new byte[compressedSize];
                input.get(compressed);
                output.put(decompressBytes(codec, compressed, uncompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private byte[] compressBytes(CompressionCodecName codec, byte[] bytes) throws IOException {
        return switch (codec) {
            case UNCOMPRESSED -> bytes;
            case SNAPPY -> Snappy.compress(bytes);
            case ZSTD -> Zstd.compress(bytes, ZSTD_LEVEL);
            case GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
                try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
                    {
                        if (gzipLevel == CsvFileFormat.HUFFMAN_ONLY) {
                            def.setStrategy(Deflater.HUFFMAN_ONLY);
                        } else {
                            def.setLevel(gzipLevel);
                        }
                    }
                }) {
                    gzip.write(bytes);
                }
                yield out.toByteArray();
            }
            default -> throw new IOException("parquet codec " + codec + " is not supported");
        };
    }

    private static byte[] decompressBytes(CompressionCodecName codec, byte[] bytes, int size) throws IOException {
        return switch (codec) {
            case UNCOMPRESSED -> bytes;
            case SNAPPY -> Snappy.uncompress(bytes);
            case ZSTD -> Zstd.decompress(bytes, size);
            case GZIP -> {
                try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    yield gzip.readNBytes(size);
                }
            }
            default -> throw new IOException("parquet codec " + codec + " is not supported");
        };
    }
}
