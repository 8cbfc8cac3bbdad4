package org.d8a.testengines;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server of the test engines' Python environment ({@code test-engines/setup.sh}, run by the Maven build), such as an
 * emulator: started with its output in {@code target/<name>-*.log}, waited for until it answers HTTP, and stopped.
 */
public final class EngineProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private EngineProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** {@code python <arguments>}; a relative script is one of {@link #engines()}. */
    public static EngineProcess startPython(String name, List<String> arguments) throws IOException {
        String python = System.getProperty("d8a.test.python");
        if (python == null) {
            throw new IllegalStateException("d8a.test.python is set by the Maven build");
        }
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path log = Files.createTempFile(target, name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(python));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new EngineProcess(name, process, log);
    }

    /** The {@code test-engines} directory, where the start scripts are. */
    public static Path engines() {
        String engines = System.getProperty("d8a.test.engines");
        if (engines == null) {
            throw new IllegalStateException("d8a.test.engines is set by the Maven build");
        }
        return Path.of(engines);
    }

    /** A loopback port nobody listens on now, for the server to take. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Returns once {@code GET url} gets an answer below 500, that is once the server handles requests; fails with the
     * log when the process exits first or {@code timeout} passes. The server is stopped when it fails.
     */
    public void awaitHttp(URI url, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException(name + " exited at start:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
                connection.setConnectTimeout(1000);
                if (connection.getResponseCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            // the wait ends early when the process exits, which the next round reports
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        close();
        throw new IllegalStateException(name + " did not answer " + url + " within " + timeout + ":\n"
                + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
