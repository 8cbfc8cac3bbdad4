package org.d8a.warehouse.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.config.D8aConfig;
import org.d8a.warehouse.WarehouseDriver;
import org.d8a.warehouse.WarehouseException;

/**
 * The files warehouse, first version: one CSV file per table ({@code <table>.csv} under
 * {@code warehouse.files.filesystem_path}), a header row, columns in schema order.
 *
 * <p>Exactly once: each write first cuts the file back to its committed length (dropping what a delivery that never
 * committed appended), appends and syncs the rows, then records the new length in the caller's transaction. When a
 * table's columns change, the old file is set aside under a timestamped name and a new one starts with the new
 * header.</p>
 */
@ApplicationScoped
public class CsvFilesDriver implements WarehouseDriver {

    private static final Logger LOG = Logger.getLogger(CsvFilesDriver.class.getName());

    @Inject
    D8aConfig config;

    @Inject
    CommittedFileRepository committedFiles;

    /** The table is its file: writing no rows creates it with its header, or starts it over with new columns. */
    @Override
    public void createTable(String table, Schema schema) throws WarehouseException {
        write(table, schema, List.of());
    }

    @Override
    public void addColumn(String table, Field field) {
    }

    /** A file starts over with the new header when the columns change, so no column is ever missing. */
    @Override
    public List<Field> missingColumns(String table, Schema schema) {
        return List.of();
    }

    @Override
    public void close() {
    }

    @Override
    public synchronized void write(String table, Schema schema, List<Map<String, Object>> rows)
            throws WarehouseException {
        Path file = config.filesWarehousePath().resolve(fileName(table));
        try {
            Files.createDirectories(file.getParent());
            CommittedFile committed = committedFiles.forPath(file.toAbsolutePath().toString());
            String header = CsvText.line(schema.getFields().stream().map(Field::getName).toList());
            if (committed.getCommittedLength() > 0 && !header.equals(firstLine(file))) {
                setAside(file);
                committed.commit(0);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.truncate(committed.getCommittedLength());
                channel.position(committed.getCommittedLength());
                StringBuilder text = new StringBuilder(rows.size() * 256);
                if (committed.getCommittedLength() == 0) {
                    text.append(header);
                }
                for (Map<String, Object> row : rows) {
                    List<String> cells = new ArrayList<>(schema.getFields().size());
                    for (Field field : schema.getFields()) {
                        cells.add(CsvText.of(row.get(field.getName())));
                    }
                    text.append(CsvText.line(cells));
                }
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
                committed.commit(channel.position());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new WarehouseException("cannot write " + rows.size() + " rows to " + file + ": " + e.getMessage(), e);
        }
    }

    static String fileName(String table) {
        return table.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv";
    }

    private static String firstLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(line -> line + "\n").orElse("");
        }
    }

    private static void setAside(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path aside = file.resolveSibling(name.substring(0, name.length() - ".csv".length()) + "."
                + System.currentTimeMillis() + ".csv");
        LOG.info(() -> "columns of " + file + " changed; previous rows kept in " + aside);
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
    }
}
