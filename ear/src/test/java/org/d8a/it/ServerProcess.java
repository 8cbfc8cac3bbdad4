package org.d8a.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A second instance of the prepared WildFly, started as the run command starts it ({@code bin/standalone.sh}) with
 * its own base directory and a port offset, so a test can kill it with SIGKILL and start it again. Arquillian's
 * container controller can only stop a server gracefully, which is not the failure under test.
 */
final class ServerProcess implements AutoCloseable {

    private static final int PORT_OFFSET = 100;

    private final Path serverHome;
    private final Path baseDir;
    private final Path config;
    private Process process;

    /** Prepares {@code baseDir} from the server's standalone directory, with {@code ear} deployed. */
    ServerProcess(Path serverHome, Path baseDir, Path config, Path ear) throws IOException {
        this.serverHome = serverHome;
        this.baseDir = baseDir;
        this.config = config;
        copyTree(serverHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        Files.createDirectories(baseDir.resolve("deployments"));
        Files.copy(ear, baseDir.resolve("deployments").resolve(ear.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    URI baseUri() {
        return URI.create("http://localhost:" + (8080 + PORT_OFFSET) + "/");
    }

    /** Starts the server and waits until the application answers {@code /healthz}. */
    void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(serverHome.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml",
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-Dd8a.config=" + config));
        builder.environment().put("JBOSS_HOME", serverHome.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("console.log").toFile()));
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; see "
                        + baseDir.resolve("console.log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(baseUri().resolve("/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server did not answer /healthz within 4 minutes");
    }

    /** SIGKILL: the JVM gets no chance to shut down, flush or commit anything. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        while (process.descendants().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
