package org.d8a.warehouse.files.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.d8a.warehouse.WarehouseException;

/**
 * Parquet files (spec/warehouses.md §4.7) written with parquet-java's example {@link Group} model to a local file:
 * one row group per file, data page v2, the layout of {@link ParquetSchemas}, values converted by
 * {@link ParquetValues}. No Hadoop class is used at run time: the output is a {@link LocalOutputFile}, the
 * configuration a {@link PlainParquetConfiguration} and the codecs {@link ParquetCodecs}.
 */
public final class ParquetFileFormat implements FileFormat {

    private final CompressionCodecName codec;
    private final int level;

    /** @param level the gzip level when {@code codec} is GZIP */
    public ParquetFileFormat(CompressionCodecName codec, int level) {
        this.codec = codec;
        this.level = level;
    }

    @Override
    public String extension() {
        return "parquet";
    }

    /** What the configuration chose, as {@code warehouse.files.*} names it: {@code parquet, zstd}. */
    @Override
    public String toString() {
        return switch (codec) {
            case UNCOMPRESSED -> "parquet";
            case GZIP -> "parquet, gzip level " + level;
            default -> "parquet, " + codec.name().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public RowFileWriter open(Path file, Schema schema) throws IOException, WarehouseException {
        MessageType type = ParquetSchemas.of(schema);
        ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(type)
                .withCodecFactory(new ParquetCodecs(level))
                .withCompressionCodec(codec)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                // one row group per file, as the reference writes
                .withRowGroupSize((long) Integer.MAX_VALUE)
                .build();
        return new ParquetRowWriter(writer, type, ParquetSchemas.sorted(schema.getFields()));
    }

    private static final class ParquetRowWriter implements RowFileWriter {

        private final ParquetWriter<Group> writer;
        private final MessageType type;
        private final List<Field> fields;
        private boolean closed;

        ParquetRowWriter(ParquetWriter<Group> writer, MessageType type, List<Field> fields) {
            this.writer = writer;
            this.type = type;
            this.fields = fields;
        }

        @Override
        public void write(List<Map<String, Object>> rows) throws IOException, WarehouseException {
            if (closed) {
                throw new IOException("format writer is closed");
            }
            for (Map<String, Object> row : rows) {
                Group group = new SimpleGroup(type);
                for (Field field : fields) {
                    try {
                        addField(group, field, row.get(field.getName()));
                    } catch (IllegalArgumentException | ArithmeticException e) {
                        throw new WarehouseException("column \"" + field.getName() + "\": " + e.getMessage(), e);
                    }
                }
                writer.write(group);
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                writer.close();
            }
        }
    }

    /** Adds {@code value} as the field's value to {@code group}; a null leaves an OPTIONAL field absent. */
    static void addField(Group group, Field field, Object value) {
        if (value == null) {
            if (field.isNullable()) {
                return;
            }
            if (field.getType() instanceof ArrowType.List) {
                throw ParquetValues.expected("[]any for array", null);
            }
            throw new IllegalArgumentException("value required, got <nil>");
        }
        String name = field.getName();
        switch (field.getType().getTypeID()) {
            case List -> {
                Group list = group.addGroup(name);
                Field element = field.getChildren().get(0);
                for (Object item : ParquetValues.list(value)) {
                    Group entry = list.addGroup("list");
                    if (element.getType() instanceof ArrowType.Struct) {
                        addStruct(entry, element, item);
                    } else {
                        addPrimitive(entry, "element", element, item);
                    }
                }
            }
            default -> addPrimitive(group, name, field, value);
        }
    }

    private static void addStruct(Group entry, Field element, Object item) {
        if (item == null) {
            if (!element.isNullable()) {
                throw new IllegalArgumentException("list element required, got <nil>");
            }
            return;
        }
        Map<?, ?> members = ParquetValues.struct(item);
        Group struct = entry.addGroup("element");
        // members are added by name, so the Parquet group's name order needs no sorting here
        for (Field member : element.getChildren()) {
            // an absent key stays absent: null
            if (members.containsKey(member.getName())) {
                addPrimitive(struct, member.getName(), member, members.get(member.getName()));
            }
        }
    }

    private static void addPrimitive(Group group, String name, Field field, Object value) {
        if (value == null) {
            if (!field.isNullable()) {
                throw new IllegalArgumentException("value of " + field.getName() + " required, got <nil>");
            }
            return;
        }
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case Utf8 -> group.add(name, ParquetValues.string(value));
            case Int -> {
                if (((ArrowType.Int) type).getBitWidth() == 32) {
                    group.add(name, ParquetValues.int32(value));
                } else {
                    group.add(name, ParquetValues.int64(value));
                }
            }
            case FloatingPoint -> {
                if (((ArrowType.FloatingPoint) type).getPrecision()
                        == FloatingPointPrecision.SINGLE) {
                    group.add(name, ParquetValues.float32(value));
                } else {
                    group.add(name, ParquetValues.float64(value));
                }
            }
            case Bool -> group.add(name, ParquetValues.bool(value));
            case Timestamp -> group.add(name,
                    ParquetValues.timestampMillis(value, ((ArrowType.Timestamp) type).getUnit()));
            case Date -> group.add(name, ParquetValues.days(value));
            default -> throw new IllegalArgumentException("no Parquet value for Arrow type " + type);
        }
    }
}
