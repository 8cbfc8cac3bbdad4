package org.d8a.it;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows the files warehouse wrote, as an analyst would: every CSV file of the events table under the
 * destination ({@code table=events/schema=<fp>/y=/m=/d=/<segment>.csv}), each with its own header. Files appear
 * complete (the uploader renames them into place), so every {@code .csv} file is read whole.
 */
final class WarehouseRows {

    private final Path directory;

    WarehouseRows(Path directory) {
        this.directory = directory;
    }

    /** The events table's files, oldest segment first (a segment id starts with its seal time in Unix seconds). */
    private List<Path> files() throws IOException {
        Path table = directory.resolve("table=events");
        if (!Files.isDirectory(table)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(table)) {
            return files.filter(file -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".csv"))
                    .sorted(Comparator.comparing((Path file) -> file.getFileName().toString()))
                    .toList();
        }
    }

    /** The header of the newest file. */
    List<String> header() throws IOException {
        List<Path> files = files();
        if (files.isEmpty()) {
            throw new AssertionError("no CSV file of the events table under " + directory);
        }
        try (Reader reader = Files.newBufferedReader(files.get(files.size() - 1), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().get().parse(reader).getHeaderNames();
        }
    }

    /** Every row of every file. */
    List<Map<String, String>> all() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Path file : files()) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
                    rows.add(record.toMap());
                }
            }
        }
        return rows;
    }

    List<Map<String, String>> matching(Predicate<Map<String, String>> filter) throws IOException {
        return all().stream().filter(filter).toList();
    }

    /** Waits until {@code count} rows match, then returns them; fails with what was found after {@code timeout}. */
    List<Map<String, String>> await(Predicate<Map<String, String>> filter, int count, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Map<String, String>> rows = matching(filter);
        while (rows.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(250);
            rows = matching(filter);
        }
        if (rows.size() < count) {
            throw new AssertionError("expected " + count + " rows under " + directory + " within " + timeout
                    + ", found " + rows.size() + ": " + rows);
        }
        return rows;
    }

    static Predicate<Map<String, String>> ofClients(String... clientIds) {
        List<String> ids = List.of(clientIds);
        return row -> ids.contains(row.get("client_id"));
    }
}
