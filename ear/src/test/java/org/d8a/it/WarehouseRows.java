package org.d8a.it;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the rows the files warehouse wrote, as an analyst would: the CSV file of the events table. */
final class WarehouseRows {

    private final Path file;

    WarehouseRows(Path directory) {
        this.file = directory.resolve("events.csv");
    }

    List<String> header() throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().get().parse(reader).getHeaderNames();
        }
    }

    /** Every complete row: a line the warehouse is still appending is left for the next read. */
    List<Map<String, String>> all() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = new StringReader(text.substring(0, text.lastIndexOf('\n') + 1))) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
                rows.add(record.toMap());
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
            throw new AssertionError("expected " + count + " rows in " + file + " within " + timeout + ", found "
                    + rows.size() + ": " + rows);
        }
        return rows;
    }

    static Predicate<Map<String, String>> ofClients(String... clientIds) {
        List<String> ids = List.of(clientIds);
        return row -> ids.contains(row.get("client_id"));
    }
}
