package org.d8a.warehouse.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DuckDB, an engine independent of our writers, reading back the files they wrote: a Python snippet run with the
 * test-engines venv ({@code d8a.test.python}, set by the build) that prints JSON.
 */
public final class DuckDb {

    private DuckDb() {
    }

    /**
     * Runs {@code sql} (with {@code ?} bound to {@code file}) in a UTC session and returns the result as JSON lines,
     * one {@code json.dumps(row, sort_keys=True, default=str)} per row, preceded by one line of
     * {@code [[column, type], ...]}.
     */
    public static List<String> query(String sql, Path file) throws IOException, InterruptedException {
        String python = System.getProperty("d8a.test.python");
        assertTrue(python != null && Files.isExecutable(Path.of(python)),
                "d8a.test.python must name the test-engines venv's python (mvn sets it): " + python);
        String script = String.join("\n",
                "import duckdb, json, sys",
                "con = duckdb.connect()",
                "con.execute(\"SET TimeZone='UTC'\")",
                "rel = con.execute(sys.argv[1], [sys.argv[2]])",
                "print(json.dumps([[d[0], str(d[1])] for d in rel.description]))",
                "names = [d[0] for d in rel.description]",
                "for row in rel.fetchall():",
                "    print(json.dumps(dict(zip(names, row)), sort_keys=True, default=str))");
        Process process = new ProcessBuilder(python, "-c", script, sql, file.toString()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "duckdb did not finish");
        assertEquals(0, process.exitValue(), "duckdb failed: " + err);
        return new ArrayList<>(out.lines().toList());
    }
}
