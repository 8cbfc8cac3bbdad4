package org.d8a.rawlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;

/**
 * The format of a raw log file, and how one reads back. Each line is either a <em>request</em> (the JSON array of one
 * accepted request's hits, as queued) or a <em>confirmation</em> ({@code {"confirmed":N}}): the N request lines above
 * it, back to the previous confirmation, were committed to the hits queue. The receiver writes a publish cycle's
 * requests before their commit and the confirmation after it (with the next cycle's write, or when it is idle), so
 * the requests after a file's last confirmation are the ones a server that died may not have queued: the last cycle
 * it had in flight. Each run of the server writes files of its own. A last line without its line end is a write that
 * a crash cut short; its request was never acknowledged, and it is not replayed.
 */
public final class RawLogFile {

    private static final String CONFIRMATION_PREFIX = "{\"confirmed\":";

    private final long lines;
    private final long lastConfirmation;
    private final int unconfirmed;
    private final boolean torn;

    private RawLogFile(long lines, long lastConfirmation, int unconfirmed, boolean torn) {
        this.lines = lines;
        this.lastConfirmation = lastConfirmation;
        this.unconfirmed = unconfirmed;
        this.torn = torn;
    }

    /** The raw log files of {@code path}: the file itself, or every {@code *.jsonl} file of a directory, by name. */
    public static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> listing = Files.list(path)) {
            return listing.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    /** The request line of {@code hits}, with its line end. */
    static byte[] requestLine(List<Hit> hits) {
        return (HitCodec.encodeAll(hits) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The line confirming the {@code requests} request lines above it. */
    static byte[] confirmationLine(int requests) {
        return (CONFIRMATION_PREFIX + requests + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code line} is a confirmation rather than a request. */
    public static boolean isConfirmation(String line) {
        return line.startsWith(CONFIRMATION_PREFIX);
    }

    /** Reads {@code file} once, for where its confirmations are and whether its last line is whole. */
    public static RawLogFile scan(Path file) throws IOException {
        long lines = 0;
        long lastConfirmation = 0;
        int unconfirmed = 0;
        boolean lastIsRequest = false;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                lastIsRequest = false;
                if (isConfirmation(line)) {
                    lastConfirmation = lines;
                    unconfirmed = 0;
                } else if (!line.isBlank()) {
                    unconfirmed++;
                    lastIsRequest = true;
                }
            }
        }
        boolean torn = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                channel.read(last, size - 1);
                torn = last.get(0) != '\n';
            }
        }
        if (torn && lastIsRequest) {
            unconfirmed--;
        }
        return new RawLogFile(lines, lastConfirmation, unconfirmed, torn);
    }

    /**
     * Whether the replay puts line {@code lineNumber} (1-based) of this file back on the queue: every whole request
     * line, or with {@code recover} only those after the file's last confirmation.
     */
    public boolean replays(long lineNumber, String line, boolean recover) {
        if (line.isBlank() || isConfirmation(line) || torn(lineNumber)) {
            return false;
        }
        return !recover || lineNumber > lastConfirmation;
    }

    /** The whole request lines after the last confirmation: what a recovery replay reads of this file. */
    public int unconfirmed() {
        return unconfirmed;
    }

    /** Whether the last line was cut short by a crash. */
    boolean torn() {
        return torn;
    }

    /** Where the last line starts: after the last line end of the file, 0 if it has none. */
    static long lastLineStart(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        while (end > 0) {
            long from = Math.max(0, end - chunk.capacity());
            chunk.clear().limit((int) (end - from));
            while (chunk.hasRemaining() && channel.read(chunk, from + chunk.position()) >= 0) {
                // until the chunk is full
            }
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }

    /** Whether line {@code lineNumber} is the last one, cut short by a crash. */
    public boolean torn(long lineNumber) {
        return torn && lineNumber == lines;
    }
}
