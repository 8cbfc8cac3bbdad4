package org.d8a.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real ClickHouse engine for the server tests: chDB served over ClickHouse's HTTP interface by
 * {@code test-engines/chdb_http.py}, on a free port, with its data under the test's directory. The test reads the rows
 * back with plain HTTP queries, as an analyst's tool would.
 */
final class ClickHouseEngine implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("listening on (\\d+)");

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private ClickHouseEngine(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ClickHouseEngine start(Path data) throws Exception {
        String python = System.getProperty("d8a.test.python");
        String engines = System.getProperty("d8a.test.engines");
        if (python == null || !Files.isExecutable(Path.of(python))) {
            throw new IllegalStateException("no test engine at " + python + ": run test-engines/setup.sh");
        }
        Files.createDirectories(data);
        Process process = new ProcessBuilder(python, Path.of(engines, "chdb_http.py").toString(), "--data",
                data.toString(), "--port", "0", "--log", data.resolveSibling("chdb-requests.log").toString())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String line; (line = output.readLine()) != null; ) {
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        return Integer.parseInt(matcher.group(1));
                    }
                    seen.append(line).append('\n');
                }
            } catch (IOException e) {
                seen.append(e);
            }
            throw new IllegalStateException("chdb_http.py ended before listening:\n" + seen);
        });
        try {
            int port = ready.get(120, TimeUnit.SECONDS);
            Thread drain = new Thread(() -> output.lines().forEach(line -> { }), "chdb-output");
            drain.setDaemon(true);
            drain.start();
            return new ClickHouseEngine(process, port);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Runs a statement; fails with ClickHouse's own error text. */
    String execute(String sql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("ClickHouse refused " + sql + ": " + response.body());
        }
        return response.body();
    }

    /** The rows of a query, one JSON object each. */
    List<JsonObject> rows(String select) throws IOException, InterruptedException {
        List<JsonObject> rows = new ArrayList<>();
        for (String line : execute(select + " FORMAT JSONEachRow").split("\n")) {
            if (!line.isBlank()) {
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    rows.add(reader.readObject());
                }
            }
        }
        return rows;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
