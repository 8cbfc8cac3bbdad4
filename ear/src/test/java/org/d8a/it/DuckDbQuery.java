package org.d8a.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads warehouse files with DuckDB (from the test-engines venv), an engine independent of the writer: the columns
 * with their DuckDB types, then the rows as JSON objects.
 */
final class DuckDbQuery {

    /** @param columns {@code [name, type]} pairs, in result order */
    record Result(JsonArray columns, List<JsonObject> rows) {
    }

    private DuckDbQuery() {
    }

    /** Runs {@code sql}, in a UTC session, with {@code ?} bound to {@code argument} (a path or a glob). */
    static Result run(String sql, String argument) throws IOException, InterruptedException {
        String python = System.getProperty("d8a.test.python");
        if (python == null || !Files.isExecutable(Path.of(python))) {
            throw new IllegalStateException("no test engine at " + python + ": run test-engines/setup.sh");
        }
        String script = String.join("\n",
                "import duckdb, json, sys",
                "con = duckdb.connect()",
                "con.execute(\"SET TimeZone='UTC'\")",
                "rel = con.execute(sys.argv[1], [sys.argv[2]])",
                "print(json.dumps([[d[0], str(d[1])] for d in rel.description]))",
                "names = [d[0] for d in rel.description]",
                "for row in rel.fetchall():",
                "    print(json.dumps(dict(zip(names, row)), default=str))");
        Process process = new ProcessBuilder(python, "-c", script, sql, argument).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("duckdb failed on " + sql + ": " + err);
        }
        List<String> lines = out.lines().toList();
        List<JsonObject> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                rows.add(reader.readObject());
            }
        }
        try (JsonReader reader = Json.createReader(new StringReader(lines.get(0)))) {
            return new Result(reader.readArray(), rows);
        }
    }
}
