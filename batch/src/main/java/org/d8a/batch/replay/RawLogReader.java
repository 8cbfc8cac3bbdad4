package org.d8a.batch.replay;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.d8a.rawlog.RawLogFile;
import org.d8a.rawlog.RawLogWriter;

/**
 * Reads a raw log file, or every {@code *.jsonl} file of a directory in name (= writing) order, one request's hits
 * per item: every request line, or with {@code recover} only the requests after each file's last confirmation, the
 * ones a server that died may have accepted without queuing them (see {@link RawLogFile}); the file this server is
 * writing is left out then. Confirmations and a last line that a crash cut short are never replayed. The checkpoint is
 * the file and line reached, so a stopped replay continues where it stopped.
 */
@Named
@Dependent
public class RawLogReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(RawLogReader.class.getName());

    @Inject
    @BatchProperty
    String path;

    /** {@code true}: only the requests no confirmation follows. */
    @Inject
    @BatchProperty
    String recover;

    @Inject
    RawLogWriter rawLog;

    private boolean recovering;
    private Path ownFile;
    private List<Path> files;
    private int fileIndex;
    private long lineNumber;
    private BufferedReader reader;
    private RawLogFile layout;
    private long read;
    private long confirmedSkipped;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        recovering = Boolean.parseBoolean(recover);
        files = RawLogFile.files(Path.of(path));
        // this server's own last cycle is in flight, not left over by a crash
        ownFile = recovering ? rawLog.currentFile() : null;
        long skip = 0;
        if (checkpoint != null) {
            long[] position = (long[]) checkpoint;
            fileIndex = (int) position[0];
            skip = position[1];
        }
        int checkpointed = fileIndex;
        openFile();
        while (reader != null && fileIndex == checkpointed && lineNumber < skip && reader.readLine() != null) {
            lineNumber++;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private void openFile() throws IOException {
        if (fileIndex < files.size() && ownFile != null && sameFile(files.get(fileIndex), ownFile)) {
            fileIndex++;
        }
        if (fileIndex < files.size()) {
            Path file = files.get(fileIndex);
            layout = RawLogFile.scan(file);
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } else {
            layout = null;
            reader = null;
        }
        lineNumber = 0;
    }

    @Override
    public Object readItem() throws IOException {
        while (reader != null) {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
                if (layout.replays(lineNumber, line, recovering)) {
                    read++;
                    return line;
                }
                if (layout.torn(lineNumber)) {
                    LOG.warning("replay skips the last line of " + files.get(fileIndex) + ": a write a crash cut"
                            + " short, never acknowledged");
                } else if (recovering && !line.isBlank() && !RawLogFile.isConfirmation(line)) {
                    confirmedSkipped++;
                }
                continue;
            }
            reader.close();
            fileIndex++;
            openFile();
        }
        return null;
    }

    @Override
    public Serializable checkpointInfo() {
        return new long[] {fileIndex, lineNumber};
    }

    @Override
    public void close() throws IOException {
        LOG.info("replay of " + path + (recovering ? " (recover): " : ": ") + read + " requests read"
                + (recovering ? ", " + confirmedSkipped + " confirmed ones skipped" : ""));
        if (reader != null) {
            reader.close();
        }
    }
}
