package org.d8a.warehouse.files.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Uploads into a directory ({@code warehouse.files.filesystem.path}): the file is copied to {@code upload-*.tmp} in the
 * destination root, synced, then renamed to its key, so a reader of the destination sees complete files only. Keys
 * that are absolute or leave the directory are refused.
 */
public final class FilesystemUploader implements Uploader {

    private final Path root;

    public FilesystemUploader(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The destination path of {@code key}, or the spec's error for a key that escapes the destination. */
    Path destination(String key) throws IOException {
        Path relative = Path.of(key);
        Path target = root.resolve(relative).normalize();
        if (key.isEmpty() || relative.isAbsolute() || key.startsWith("/") || !target.startsWith(root)
                || target.equals(root)) {
            throw new IOException("invalid filesystem destination key: " + key);
        }
        return target;
    }

    @Override
    public void upload(String key, Path file) throws IOException {
        Path target = destination(key);
        Files.createDirectories(root);
        Path temporary = Files.createTempFile(root, "upload-", ".tmp");
        try {
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
