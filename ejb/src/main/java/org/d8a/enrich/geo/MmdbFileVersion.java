package org.d8a.enrich.geo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * One version of a database file: its name, size and modification time. A file replaced under the same name is a new
 * version, so the scan reopens it, and a corrupt file is retried once the operator has replaced it.
 */
record MmdbFileVersion(Path path, long size, FileTime modified) {

    static MmdbFileVersion of(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new MmdbFileVersion(path, attributes.size(), attributes.lastModifiedTime());
    }

    String name() {
        return path.getFileName().toString();
    }
}
