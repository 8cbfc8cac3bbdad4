package org.d8a.warehouse.files.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec/warehouses.md §4.8 filesystem uploader and vector 24's key check. */
class FilesystemUploaderTest {

    @TempDir
    Path dir;

    @Test
    void vector24RefusesKeysThatLeaveTheDestination() throws IOException {
        Path local = Files.writeString(dir.resolve("local"), "rows");
        FilesystemUploader uploader = new FilesystemUploader(dir.resolve("dest"));
        for (String key : List.of("../segment.csv", "/etc/passwd", "a/../../segment.csv", "")) {
            IOException refused = assertThrows(IOException.class, () -> uploader.upload(key, local));
            assertEquals("invalid filesystem destination key: " + key, refused.getMessage());
        }
        assertEquals(false, Files.exists(dir.resolve("segment.csv")));
    }

    @Test
    void uploadsCompleteFilesAndReplacesOnRetry() throws IOException {
        Path dest = dir.resolve("dest");
        FilesystemUploader uploader = new FilesystemUploader(dest);
        uploader.upload("table=events/a.csv", Files.writeString(dir.resolve("first"), "first"));
        uploader.upload("table=events/a.csv", Files.writeString(dir.resolve("second"), "second"));
        assertEquals("second", Files.readString(dest.resolve("table=events/a.csv")));
        try (Stream<Path> files = Files.walk(dest)) {
            assertEquals(List.of(dest.resolve("table=events/a.csv")), files.filter(Files::isRegularFile).toList(),
                    "no temporary file is left behind");
        }
    }
}
