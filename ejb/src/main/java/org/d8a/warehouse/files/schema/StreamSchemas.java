package org.d8a.warehouse.files.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The schema of every stream, stored once under its fingerprint (the reference's schema KV, spec/warehouses.md §4.2):
 * one {@code <fingerprint>.json} file (Arrow's JSON form of the schema, metadata included) beside the segments.
 *
 * <p>A file rather than a database row because a schema is written once and never changes (the name is its content's
 * hash), the uploads read it outside any transaction, and it must travel with the segments it describes: an operator
 * who moves or restores the spool directory moves its schemas with it. It is written to a temporary file, synced and
 * renamed, so a reader never sees half a schema.</p>
 */
public final class StreamSchemas {

    private final Path directory;
    private final Map<String, Schema> known = new ConcurrentHashMap<>();

    public StreamSchemas(Path directory) {
        this.directory = directory;
    }

    /** Stores {@code schema} under {@code fingerprint} unless it is already there. */
    public void storeIfAbsent(String fingerprint, Schema schema) throws IOException {
        if (known.containsKey(fingerprint)) {
            return;
        }
        Path file = file(fingerprint);
        if (!Files.exists(file)) {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, fingerprint, ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(schema.toJson().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        known.put(fingerprint, schema);
    }

    /** @throws NoSuchFileException when no schema was stored under {@code fingerprint} */
    public Schema load(String fingerprint) throws IOException {
        Schema schema = known.get(fingerprint);
        if (schema == null) {
            Path file = file(fingerprint);
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString(), null, "no schema stored for fingerprint " + fingerprint);
            }
            schema = Schema.fromJSON(Files.readString(file, StandardCharsets.UTF_8));
            known.put(fingerprint, schema);
        }
        return schema;
    }

    private Path file(String fingerprint) {
        return directory.resolve(fingerprint + ".json");
    }
}
