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
import java.util.stream.Stream;

/**
 * Reads a raw log file, or every {@code *.jsonl} file of a directory in name (= writing) order, one request's hits
 * per item. The checkpoint is the file and line reached, so a stopped replay continues where it stopped.
 */
@Named
@Dependent
public class RawLogReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String path;

    private List<Path> files;
    private int fileIndex;
    private long lineNumber;
    private BufferedReader reader;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        Path start = Path.of(path);
        if (Files.isDirectory(start)) {
            try (Stream<Path> listing = Files.list(start)) {
                files = listing.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            }
        } else {
            files = List.of(start);
        }
        long skip = 0;
        if (checkpoint != null) {
            long[] position = (long[]) checkpoint;
            fileIndex = (int) position[0];
            skip = position[1];
        }
        openFile();
        while (reader != null && lineNumber < skip && reader.readLine() != null) {
            lineNumber++;
        }
    }

    private void openFile() throws IOException {
        reader = fileIndex < files.size() ? Files.newBufferedReader(files.get(fileIndex), StandardCharsets.UTF_8) : null;
        lineNumber = 0;
    }

    @Override
    public Object readItem() throws IOException {
        while (reader != null) {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    return line;
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
        if (reader != null) {
            reader.close();
        }
    }
}
