package org.d8a.enrich.currency;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The snapshot files of {@code currency.destination_directory} (spec §5), in the reference's format: one immutable
 * {@code rates-<UTC yyyyMMdd'T'HHmmss.nnnnnnnnn'Z'>.json} per download, {@code {"created_at": RFC 3339, "rates":
 * {base: {quote: rate}}}}. The newest is the one with the greatest name that is valid. Files are written beside and
 * moved into place, so a reader never sees half a snapshot.
 */
final class SnapshotFiles {

    private static final Logger LOG = Logger.getLogger(SnapshotFiles.class.getName());

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    /** Go's zero time, which the reference writes for a snapshot without a creation time. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private final Path directory;

    /** Invalid files already warned about, so that each is named once, not at every refresh. */
    private final Set<String> invalid = new HashSet<>();

    SnapshotFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** The newest valid snapshot; empty when there is none (or no directory yet). */
    synchronized Optional<RatesSnapshot> newest() throws IOException {
        for (Path file : snapshotFiles()) {
            try {
                return Optional.of(read(file));
            } catch (InvalidSnapshotException e) {
                if (invalid.add(file.getFileName().toString())) {
                    LOG.warning(() -> "currency snapshot " + file + " is skipped: " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** Writes {@code snapshot} as a new file named after its creation time. */
    synchronized Path write(RatesSnapshot snapshot) throws IOException {
        Files.createDirectories(directory);
        String name = "rates-" + NAME_TIME.format(snapshot.createdAt()) + ".json";
        Path target = directory.resolve(name);
        Path partial = directory.resolve("." + name + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                JsonWriter json = JSON.createWriter(out)) {
            json.writeObject(toJson(snapshot));
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The snapshot files, greatest name first. */
    private List<Path> snapshotFiles() throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> {
                String name = path.getFileName().toString();
                return name.startsWith("rates-") && name.endsWith(".json") && Files.isRegularFile(path);
            }).sorted(Comparator.comparing((Path path) -> path.getFileName().toString()).reversed()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static RatesSnapshot read(Path file) throws InvalidSnapshotException {
        JsonObject json;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader reader = JSON.createReader(in)) {
            json = reader.readObject();
        } catch (IOException e) {
            throw new InvalidSnapshotException("it cannot be read (" + e.getMessage() + ")");
        } catch (JsonException e) {
            throw new InvalidSnapshotException("it is not a JSON object (" + e.getMessage() + ")");
        }
        Instant createdAt = createdAt(json.get("created_at"));
        RatesSnapshot snapshot = new RatesSnapshot(createdAt, rates(json.get("rates")));
        if (snapshot.rates().isEmpty()) {
            throw new InvalidSnapshotException("it has no rates");
        }
        return snapshot;
    }

    private static Instant createdAt(JsonValue value) throws InvalidSnapshotException {
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidSnapshotException("created_at is missing");
        }
        Instant createdAt;
        try {
            createdAt = OffsetDateTime.parse(((JsonString) value).getString()).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidSnapshotException("created_at is not an RFC 3339 time");
        }
        if (createdAt.equals(ZERO_TIME)) {
            throw new InvalidSnapshotException("created_at is missing");
        }
        return createdAt;
    }

    private static Map<String, Map<String, Double>> rates(JsonValue value) throws InvalidSnapshotException {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidSnapshotException("rates is not an object");
        }
        Map<String, Map<String, Double>> rates = new TreeMap<>();
        for (Map.Entry<String, JsonValue> base : value.asJsonObject().entrySet()) {
            if (base.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidSnapshotException("the rates of " + base.getKey() + " are not an object");
            }
            Map<String, Double> quotes = new TreeMap<>();
            for (Map.Entry<String, JsonValue> quote : base.getValue().asJsonObject().entrySet()) {
                if (!(quote.getValue() instanceof JsonNumber number)) {
                    throw new InvalidSnapshotException("the rate " + base.getKey() + "/" + quote.getKey()
                            + " is not a number");
                }
                quotes.put(quote.getKey(), number.doubleValue());
            }
            rates.put(base.getKey(), quotes);
        }
        return rates;
    }

    private static JsonObject toJson(RatesSnapshot snapshot) {
        JsonObjectBuilder rates = JSON.createObjectBuilder();
        new TreeMap<>(snapshot.rates()).forEach((base, quotes) -> {
            JsonObjectBuilder byQuote = JSON.createObjectBuilder();
            new TreeMap<>(quotes).forEach(byQuote::add);
            rates.add(base, byQuote);
        });
        return JSON.createObjectBuilder().add("created_at", snapshot.createdAt().toString()).add("rates", rates)
                .build();
    }

    /** A snapshot file that cannot be used; the next older one is tried. */
    private static final class InvalidSnapshotException extends Exception {

        InvalidSnapshotException(String message) {
            super(message);
        }
    }
}
