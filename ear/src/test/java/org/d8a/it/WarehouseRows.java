package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;

/**
 * Reads the rows the files warehouse wrote, as an analyst would: every CSV file of one table under the
 * destination ({@code table=events/schema=<fp>/y=/m=/d=/<segment>.csv}), each with its own header. Files appear
 * complete (the uploader renames them into place), so every {@code .csv} file is read whole.
 */
final class WarehouseRows {

    private static final Duration POLL = Duration.ofMillis(250);

    private final Path directory;
    private final Pipeline pipeline;
    private final String table;

    /** The rows of the events table under {@code directory}, written by the server whose {@code pipeline} this is. */
    WarehouseRows(Path directory, Pipeline pipeline) {
        this(directory, pipeline, "events");
    }

    /** The rows of {@code table} under {@code directory}. */
    WarehouseRows(Path directory, Pipeline pipeline, String table) {
        this.directory = directory;
        this.pipeline = pipeline;
        this.table = table;
    }

    /** The table's files, oldest segment first (a segment id starts with its seal time in Unix seconds). */
    private List<Path> files() throws IOException {
        Path table = directory.resolve("table=" + this.table);
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
            throw new AssertionError("no CSV file of table " + table + " under " + directory);
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

    /**
     * The {@code count} rows that match, each event once. Waits until that many have appeared, then until the server
     * has finished with every hit it accepted ({@link Pipeline#awaitDrained}), and only then reads them again: a row
     * written twice, however late, is in the files by then and fails the count. Each wait gives up after
     * {@code timeout}.
     */
    List<Map<String, String>> await(Predicate<Map<String, String>> filter, int count, Duration timeout)
            throws IOException {
        Awaitility.await("at least " + count + " rows under " + directory).atMost(timeout).pollDelay(Duration.ZERO)
                .pollInterval(POLL).untilAsserted(() -> {
                    List<Map<String, String>> rows = matching(filter);
                    assertTrue(rows.size() >= count, "found " + rows.size() + ": " + rows);
                });
        pipeline.awaitDrained(timeout);
        List<Map<String, String>> rows = matching(filter);
        assertExactlyOnce(rows, count, row -> row.get("id"));
        return rows;
    }

    /** {@code count} rows, no event id among them twice. */
    static <T> void assertExactlyOnce(List<T> rows, int count, Function<T, String> id) {
        Map<String, Long> copies = rows.stream().collect(Collectors.groupingBy(id, Collectors.counting()));
        List<String> twice = copies.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        assertEquals(List.of(), twice, "event ids written more than once: " + rows);
        assertEquals(count, rows.size(), "rows: " + rows);
    }

    static Predicate<Map<String, String>> ofClients(String... clientIds) {
        List<String> ids = List.of(clientIds);
        return row -> ids.contains(row.get("client_id"));
    }
}
