package org.d8a.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** For tests: the records one logger publishes while the capture is open, to count warnings and read their text. */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        logger.addHandler(handler);
    }

    /** Captures what the logger named after {@code source} publishes. */
    public static CapturedLog of(Class<?> source) {
        return new CapturedLog(source);
    }

    /** The messages published at {@code level}, in order. */
    public List<String> messages(Level level) {
        synchronized (records) {
            return records.stream().filter(record -> record.getLevel().equals(level)).map(LogRecord::getMessage)
                    .toList();
        }
    }

    /** Whether anything was published at SEVERE (an expected failure must never be an error). */
    public boolean hasErrors() {
        return !messages(Level.SEVERE).isEmpty();
    }

    /** Whether any record carried a stack trace. */
    public boolean hasStackTraces() {
        synchronized (records) {
            return records.stream().anyMatch(record -> record.getThrown() != null);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
