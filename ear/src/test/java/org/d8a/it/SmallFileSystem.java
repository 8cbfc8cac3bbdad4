package org.d8a.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * A file system of its own, a few megabytes large, that a test fills until nothing more can be written to it and frees
 * again: a tmpfs mounted on a directory (the tests run as root). A full disk cannot be had otherwise without touching
 * the machine's disks, and a directory made unwritable is a different failure (permissions, not space).
 */
final class SmallFileSystem implements AutoCloseable {

    private static final String NO_SPACE = "No space left on device";

    private final Path mountPoint;
    private final Path filler;

    private SmallFileSystem(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code size} ({@code mount}'s notation: {@code 8m}) on {@code mountPoint}, made if need be. */
    static SmallFileSystem mount(Path mountPoint, String size) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String output;
        try {
            output = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the full-disk tests mount a tmpfs, which needs root: " + e.getMessage(),
                    e);
        }
        String type = Files.getFileStore(mountPoint).type();
        if (!type.equals("tmpfs")) {
            throw new IllegalStateException("mounting a tmpfs on " + mountPoint + " did not take (its file system is "
                    + type + "): " + output);
        }
        return new SmallFileSystem(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Bytes that can still be written. */
    long usableSpace() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /**
     * Writes to the filler file until the file system answers {@code ENOSPC}, in ever smaller writes, so that not even
     * a small write finds room; returns how many bytes the filler holds.
     */
    long fill() throws IOException {
        return fill(0);
    }

    /**
     * Writes to the filler file until at most {@code leftBytes} can still be written, or none ({@code ENOSPC}) when
     * that is 0; returns how many bytes the filler holds. A disk that fills up gradually passes through such a state.
     */
    long fill(long leftBytes) throws IOException {
        // appended and unbuffered: each write reaches the file system, and closing writes nothing more
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int block = 1 << 16; block >= 1; block >>= 4) {
                byte[] bytes = new byte[block];
                try {
                    while (leftBytes == 0 || usableSpace() - block >= leftBytes) {
                        out.write(bytes);
                    }
                } catch (IOException full) {
                    if (!String.valueOf(full.getMessage()).contains(NO_SPACE)) {
                        throw full;
                    }
                }
            }
        }
        return Files.size(filler);
    }

    /** Deletes the filler: the space it took can be written again. */
    void free() throws IOException {
        Files.delete(filler);
    }

    /**
     * Unmounts the file system (whatever is on it is gone). The server that used it must be stopped first; a killed
     * JVM's files stay open for a moment after its process is gone, so a busy file system is tried again for a while.
     */
    @Override
    public void close() {
        Awaitility.await("the tmpfs on " + mountPoint + " unmounted").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> {
                    run("umount", mountPoint.toString());
                    return true;
                });
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit + ": "
                    + output);
        }
        return output;
    }
}
