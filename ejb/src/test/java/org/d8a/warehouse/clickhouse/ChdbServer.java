package org.d8a.warehouse.clickhouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A real ClickHouse engine for the driver tests: chDB behind {@code test-engines/chdb_http.py}, which speaks the
 * HTTP interface the JDBC driver uses. Started on a free port with its own data directory under {@code target/}.
 */
final class ChdbServer implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("listening on (\\d+)");

    private final Process process;
    private final int port;
    private final Path requestLog;

    private ChdbServer(Process process, int port, Path requestLog) {
        this.process = process;
        this.port = port;
        this.requestLog = requestLog;
    }

    static ChdbServer start() throws IOException, InterruptedException {
        String python = System.getProperty("d8a.test.python");
        String engines = System.getProperty("d8a.test.engines");
        if (python == null || engines == null) {
            throw new IllegalStateException("d8a.test.python and d8a.test.engines are set by the Maven build");
        }
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path data = Files.createTempDirectory(target, "chdb-");
        Path log = data.resolveSibling(data.getFileName() + ".requests.log");
        Process process = new ProcessBuilder(python, Path.of(engines, "chdb_http.py").toString(), "--data",
                data.toString(), "--port", "0", "--log", log.toString())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                for (String line; (line = output.readLine()) != null; ) {
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        return Integer.parseInt(matcher.group(1));
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("chdb_http.py exited before listening:\n" + seen);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            int port = ready.get(60, TimeUnit.SECONDS);
            // Keep draining its output so that it never blocks on a full pipe.
            Thread drain = new Thread(() -> output.lines().forEach(line -> { }), "chdb-output");
            drain.setDaemon(true);
            drain.start();
            return new ChdbServer(process, port, log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("chDB adapter did not start: " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    /** What the JDBC driver sent, one line per request. */
    String requestLog() throws IOException {
        return Files.readString(requestLog);
    }

    /** The JDBC driver's data source, as the product builds it (ClickHouse's LZ4 block compression on). */
    DataSource dataSource(String database) {
        return ClickHouseDataSources.direct("127.0.0.1", port, false, database, "default", "", new Properties());
    }

    /** Runs one statement through JDBC (the adapter is stateless, like ClickHouse's HTTP interface). */
    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource("default").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    String version() throws SQLException {
        try (Connection connection = dataSource("default").getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The rows of a query, each as its column values (JDBC {@code getString}) joined by tabs. */
    List<String> select(String database, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource(database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rows.getString(i));
                }
                lines.add(String.join("\t", values));
            }
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
