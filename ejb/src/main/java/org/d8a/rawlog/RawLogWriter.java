package org.d8a.rawlog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;

/**
 * The receiver's raw log ({@code receiver.raw_log}, off by default): every accepted request's hits, as queued (ids,
 * receive times, parameters), one JSON line per request, in files of at most {@code receiver.raw_log_max_bytes} under
 * {@code receiver.raw_log_directory}. The {@code replay} job re-ingests them for backfills and recovery. A failure to
 * log is reported and does not refuse the hits.
 */
@ApplicationScoped
public class RawLogWriter {

    private static final Logger LOG = Logger.getLogger(RawLogWriter.class.getName());

    @Inject
    RawLogSettings settings;

    private boolean enabled;
    private Path directory;
    private long maxBytes;
    private OutputStream current;
    private long currentBytes;
    private long filesOpened;

    @PostConstruct
    void open() {
        enabled = settings.enabled();
        directory = settings.directory();
        maxBytes = settings.maxBytes();
    }

    public synchronized void append(List<Hit> hits) {
        if (!enabled) {
            return;
        }
        byte[] line = (HitCodec.encodeAll(hits) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (current == null || currentBytes + line.length > maxBytes) {
                rotate();
            }
            current.write(line);
            current.flush();
            currentBytes += line.length;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write the raw log under " + directory, e);
        }
    }

    /**
     * File names sort in the order they were written, across restarts too (wall-clock milliseconds, then a counter for
     * files opened within one millisecond): the replay job reads them in that order.
     */
    private void rotate() throws IOException {
        close();
        Files.createDirectories(directory);
        Path file = directory.resolve(String.format("raw-%015d-%06d.jsonl", System.currentTimeMillis(),
                filesOpened++ % 1_000_000));
        current = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        currentBytes = 0;
    }

    @PreDestroy
    synchronized void close() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing the raw log failed", e);
            }
            current = null;
        }
    }
}
