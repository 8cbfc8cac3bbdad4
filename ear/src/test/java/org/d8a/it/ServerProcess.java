package org.d8a.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * A second instance of the prepared WildFly, started as the run command starts it ({@code bin/standalone.sh}) with
 * its own base directory and a port offset, so a test can kill it with SIGKILL and start it again. Arquillian's
 * container controller can only stop a server gracefully, which is not the failure under test.
 */
final class ServerProcess implements AutoCloseable {

    private static final int PORT_OFFSET = 100;

    private final int portOffset;
    private final String serverConfig;
    private final Path serverHome;
    private final Path baseDir;
    private final Path config;
    private final List<String> systemProperties = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    /** This server's own database on the tests' PostgreSQL cluster, or null on H2 (a file under its base directory). */
    private final String database;
    private Process process;

    /** Prepares {@code baseDir} from the server's standalone directory, with {@code ear} and the pipeline probe deployed. */
    ServerProcess(Path serverHome, Path baseDir, Path config, Path ear) throws IOException {
        this(serverHome, baseDir, config, ear, PORT_OFFSET, "standalone-full.xml", null);
    }

    /**
     * A server on {@code portOffset} with the server configuration file {@code serverConfig}; on PostgreSQL with the
     * database {@code sharedDatabase} (a cluster's nodes share one), or its own when null.
     */
    ServerProcess(Path serverHome, Path baseDir, Path config, Path ear, int portOffset, String serverConfig,
            String sharedDatabase) throws IOException {
        this.portOffset = portOffset;
        this.serverConfig = serverConfig;
        this.serverHome = serverHome;
        this.baseDir = baseDir;
        this.config = config;
        copyTree(serverHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        Path deployments = Files.createDirectories(baseDir.resolve("deployments"));
        Files.copy(ear, deployments.resolve(ear.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Pipeline.probe().as(ZipExporter.class).exportTo(deployments.resolve(Pipeline.PROBE + ".war").toFile(), true);
        // On H2 each copy's state is a file under its base directory; on PostgreSQL it gets a database of its own, kept
        // across its restarts, so that it shares no state with the Arquillian server or another test's server.
        database = sharedDatabase != null ? sharedDatabase
                : TestDatabase.onPostgresql() ? TestDatabase.create(baseDir) : null;
    }

    /** Environment variables of the server's process, as an operator's service unit sets them; before {@link #start}. */
    ServerProcess environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** A system property of the server's command line, as an operator sets one; before {@link #start}. */
    ServerProcess systemProperty(String key, String value) {
        systemProperties.add("-D" + key + "=" + value);
        return this;
    }

    URI baseUri() {
        return URI.create("http://localhost:" + (8080 + portOffset) + "/");
    }

    /** The pipeline of this server when its configuration leaves {@code storage.spool_directory} at its default. */
    Pipeline pipeline() {
        return pipeline(baseDir.resolve("data/d8a/spool"));
    }

    /** The pipeline of this server, whose configuration sets {@code storage.spool_directory} to {@code spoolDirectory}. */
    Pipeline pipeline(Path spoolDirectory) {
        return new Pipeline(baseUri(), spoolDirectory);
    }

    /** The server's log file ({@code log/server.log} of its base directory), across its restarts. */
    Path serverLog() {
        return baseDir.resolve("log/server.log");
    }

    /**
     * Applies WildFly CLI {@code commands} to this copy's server configuration file, offline ({@code embed-server}):
     * before the first start, or while the server is down.
     */
    void configure(String... commands) throws IOException, InterruptedException {
        List<String> script = new ArrayList<>();
        script.add("embed-server --server-config=" + serverConfig + " --std-out=discard");
        script.addAll(List.of(commands));
        script.add("stop-embedded-server");
        cli(script, "-Djboss.server.base.dir=" + baseDir);
    }

    /** Runs WildFly CLI {@code commands} against the running server (its management port); returns their output. */
    String manage(String... commands) throws IOException, InterruptedException {
        return cli(List.of(commands), "--connect", "--controller=localhost:" + (9990 + portOffset));
    }

    /** Applies a CLI script of the product (one that embeds the server itself) to this copy, as an operator does. */
    void configure(Path script) throws IOException, InterruptedException {
        cli(script, "-Djboss.server.base.dir=" + baseDir);
    }

    private String cli(List<String> commands, String... options) throws IOException, InterruptedException {
        Path script = Files.createTempFile(baseDir, "cli-", ".cli");
        Files.write(script, commands);
        return cli(script, options);
    }

    private String cli(Path script, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(serverHome.resolve("bin/jboss-cli.sh").toString()));
        command.addAll(List.of(options));
        command.add("--file=" + script);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JBOSS_HOME", serverHome.toString());
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (cli.waitFor() != 0) {
            throw new IllegalStateException("jboss-cli failed on " + Files.readAllLines(script) + ":\n" + output);
        }
        return output;
    }

    /**
     * Starts the server and waits until the application answers {@code /healthz} and the pipeline probe answers;
     * {@code runProperties} ({@code name=value}) are system properties of this run only, besides those of
     * {@link #systemProperty}.
     */
    void start(String... runProperties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(serverHome.resolve("bin/standalone.sh").toString(),
                "-c", serverConfig,
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Dd8a.config=" + config));
        command.addAll(systemProperties);
        for (String property : runProperties) {
            command.add("-D" + property);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JBOSS_HOME", serverHome.toString());
        if (database != null) {
            builder.environment().put("D8A_DB_NAME", database);
        }
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("console.log").toFile()));
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Pipeline pipeline = pipeline();
        Awaitility.await("the server at " + baseUri() + " answering").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("server exited with " + process.exitValue() + "; see "
                                + baseDir.resolve("console.log"));
                    }
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(baseUri().resolve("/healthz"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 200 && pipeline.probeAnswers();
                });
    }

    /** The process id of the server's JVM (a child of {@code standalone.sh}), to read its file handles in /proc. */
    long jvmPid() {
        return process.descendants().filter(child -> child.info().command().map(c -> c.endsWith("/java"))
                .orElse(false)).findFirst().orElseThrow(() -> new IllegalStateException("no JVM under "
                        + process.pid())).pid();
    }

    /** SIGKILL: the JVM gets no chance to shut down, flush or commit anything. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        Awaitility.await("the server's child processes gone").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> process.descendants().noneMatch(ProcessHandle::isAlive));
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
