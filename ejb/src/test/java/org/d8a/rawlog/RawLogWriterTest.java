package org.d8a.rawlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.d8a.config.TestConfig;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw log as the publisher writes it: a cycle's requests in one write, confirmed after their commit (with the next
 * cycle's write, or when idle), taken back out when the commit fails; a log that cannot be written refuses the cycle and
 * says so once per failure period; and how a file reads back for a replay, with and without {@code recover}.
 */
class RawLogWriterTest {

    @TempDir
    Path dir;

    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger logger = Logger.getLogger(RawLogWriter.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void removeHandler() {
        logger.removeHandler(handler);
    }

    @Test
    void aCycleIsOneWriteConfirmedAfterItsCommit() throws IOException {
        RawLogWriter log = writer(dir.resolve("raw"), 1 << 20);
        log.write(List.of(log.record(hits("a1", "a2")), log.record(hits("b1"))));
        assertEquals(List.of("[a1, a2]", "[b1]"), lines(dir.resolve("raw")), "both requests, before the commit");

        log.committed();
        log.write(List.of(log.record(hits("c1"))));
        assertEquals(List.of("[a1, a2]", "[b1]", "{\"confirmed\":2}", "[c1]"), lines(dir.resolve("raw")),
                "the confirmation goes with the next cycle's write");

        log.committed();
        log.idle();
        log.idle();
        assertEquals(List.of("[a1, a2]", "[b1]", "{\"confirmed\":2}", "[c1]", "{\"confirmed\":1}"),
                lines(dir.resolve("raw")), "or is written when the publisher is idle, once");
    }

    @Test
    void aCycleThatDidNotCommitIsTakenBackOut() throws IOException {
        RawLogWriter log = writer(dir.resolve("raw"), 1 << 20);
        log.write(List.of(log.record(hits("a1"))));
        log.committed();
        log.write(List.of(log.record(hits("b1")), log.record(hits("b2"))));
        log.notCommitted();
        log.idle();
        assertEquals(List.of("[a1]", "{\"confirmed\":1}"), lines(dir.resolve("raw")));

        log.write(List.of(log.record(hits("c1"))));
        log.committed();
        log.idle();
        assertEquals(List.of("[a1]", "{\"confirmed\":1}", "[c1]", "{\"confirmed\":1}"), lines(dir.resolve("raw")));
    }

    @Test
    void aLogThatCannotBeWrittenRefusesEveryCycleAndSaysSoOnce() throws IOException {
        logger.addHandler(handler);
        Path blocked = dir.resolve("raw");
        Files.writeString(blocked, "a file where the directory should be");
        RawLogWriter log = writer(blocked, 1 << 20);

        assertThrows(IOException.class, () -> log.write(List.of(log.record(hits("a1")))));
        assertThrows(IOException.class, () -> log.write(List.of(log.record(hits("b1")), log.record(hits("b2")))));
        assertEquals(List.of(Level.SEVERE), logged.stream().map(LogRecord::getLevel).toList(),
                "one message for the failure period: " + messages());

        Files.delete(blocked);
        log.write(List.of(log.record(hits("c1"))));
        assertEquals(List.of("[c1]"), lines(blocked), "nothing of the refused cycles is in the log");
        assertEquals(2, logged.size(), messages());
        assertEquals(Level.INFO, logged.get(1).getLevel());
        assertTrue(logged.get(1).getMessage().contains("3 requests were refused"), messages());
    }

    @Test
    void filesRotateAndAConfirmationStaysInTheFileOfItsRequests() throws IOException {
        RawLogWriter log = writer(dir.resolve("raw"), 100);
        log.write(List.of(log.record(hits("a1"))));
        log.committed();
        log.write(List.of(log.record(hits("b1"))));
        List<Path> files = files(dir.resolve("raw"));
        assertEquals(2, files.size());
        assertEquals(List.of("[a1]", "{\"confirmed\":1}"), lines(files.get(0)));
        assertEquals(List.of("[b1]"), lines(files.get(1)));
    }

    @Test
    void aRecoveryReplayReadsOnlyTheRequestsAfterTheLastConfirmation() throws IOException {
        RawLogWriter log = writer(dir.resolve("raw"), 1 << 20);
        log.write(List.of(log.record(hits("a1")), log.record(hits("a2"))));
        log.committed();
        log.write(List.of(log.record(hits("b1"))));
        log.committed();
        log.write(List.of(log.record(hits("c1"))));
        // the server dies here: c1 was written, its commit undecided
        Path file = files(dir.resolve("raw")).get(0);

        assertEquals(List.of("[a1]", "[a2]", "[b1]", "[c1]"), replayed(file, false));
        assertEquals(List.of("[c1]"), replayed(file, true));
    }

    @Test
    void aLastLineACrashCutShortIsNeverReplayed() throws IOException {
        RawLogWriter log = writer(dir.resolve("raw"), 1 << 20);
        log.write(List.of(log.record(hits("a1"))));
        log.committed();
        log.idle();
        Path file = files(dir.resolve("raw")).get(0);
        byte[] line = log.record(hits("b1"));
        Files.write(file, Arrays.copyOf(line, line.length - 5), StandardOpenOption.APPEND);

        assertEquals(List.of("[a1]"), replayed(file, false));
        assertEquals(List.of(), replayed(file, true));
    }

    @Test
    void aRecoveredTailIsConfirmedSoThatTheNextRecoverySkipsIt() throws IOException {
        RawLogWriter crashed = writer(dir.resolve("raw"), 1 << 20);
        crashed.write(List.of(log(crashed, "a1")));
        crashed.committed();
        crashed.write(List.of(log(crashed, "b1")));
        Path file = crashed.currentFile();
        byte[] cut = crashed.record(hits("c1"));
        Files.write(file, Arrays.copyOf(cut, 7), StandardOpenOption.APPEND);
        assertEquals(0, crashed.confirmRecovered(file), "the file a server writes is never touched");

        RawLogWriter restarted = writer(dir.resolve("raw"), 1 << 20);
        assertEquals(List.of("[b1]"), replayed(file, true));
        assertEquals(1, restarted.confirmRecovered(file));
        assertEquals(List.of("[a1]", "{\"confirmed\":1}", "[b1]", "{\"confirmed\":1}"), lines(file),
                "the cut line is gone, the recovered request confirmed");
        assertEquals(List.of(), replayed(file, true));
        assertEquals(0, restarted.confirmRecovered(file));
        assertEquals(List.of("[a1]", "[b1]"), replayed(file, false));
    }

    private static byte[] log(RawLogWriter writer, String id) {
        return writer.record(hits(id));
    }

    private static List<String> replayed(Path file, boolean recover) throws IOException {
        RawLogFile layout = RawLogFile.scan(file);
        List<String> replayed = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (layout.replays(i + 1, lines.get(i), recover)) {
                replayed.add(HitCodec.decodeAll(lines.get(i)).stream().map(Hit::getId).toList().toString());
            }
        }
        return replayed;
    }

    private String messages() {
        return logged.stream().map(record -> record.getLevel() + " " + record.getMessage()).toList().toString();
    }

    private static RawLogWriter writer(Path directory, long maxBytes) {
        RawLogWriter writer = new RawLogWriter();
        writer.settings = new RawLogSettings(TestConfig.of(Map.of("receiver.raw_log", "true",
                "receiver.raw_log_directory", directory.toString(), "receiver.raw_log_max_bytes",
                Long.toString(maxBytes))));
        writer.open();
        return writer;
    }

    private static List<Hit> hits(String... ids) {
        List<Hit> hits = new ArrayList<>();
        for (String id : ids) {
            Hit hit = new Hit();
            hit.setId(id);
            hit.setPropertyId("default");
            hit.setClientId("c");
            hit.setAuthoritativeClientId("c");
            hits.add(hit);
        }
        return hits;
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    /** The lines of a file, or of every file of a directory, with each request shown as its hit ids. */
    private static List<String> lines(Path path) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : Files.isDirectory(path) ? files(path) : List.of(path)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lines.add(RawLogFile.isConfirmation(line) ? line
                        : HitCodec.decodeAll(line).stream().map(Hit::getId).toList().toString());
            }
        }
        return lines;
    }
}
