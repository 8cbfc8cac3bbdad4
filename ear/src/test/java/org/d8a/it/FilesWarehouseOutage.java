package org.d8a.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An outage of the test server's files warehouse: a plain file where its segment directory
 * ({@code storage.spool_directory}/warehouse/files/spool) belongs, so every write fails until it is restored.
 */
final class FilesWarehouseOutage {

    private final Path stagingDir = Path.of(System.getProperty("d8a.it.dir"), "spool", "warehouse", "files",
            "spool");
    private final Path setAside = stagingDir.resolveSibling("spool.set-aside");

    /** Where the warehouse cannot write during the outage (its errors name it). */
    Path stagingDir() {
        return stagingDir;
    }

    void begin() throws IOException {
        Files.createDirectories(stagingDir);
        Files.move(stagingDir, setAside);
        Files.writeString(stagingDir, "not a directory: the warehouse cannot write here");
    }

    void end() throws IOException {
        Files.delete(stagingDir);
        Files.move(setAside, stagingDir);
    }

    /** Ends the outage if a failed test left it on. */
    void endIfOn() throws IOException {
        if (Files.exists(setAside)) {
            end();
        }
    }
}
