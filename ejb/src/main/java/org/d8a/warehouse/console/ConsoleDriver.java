package org.d8a.warehouse.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.files.format.GoJson;
import org.d8a.warehouse.noop.NoopDriver;

/**
 * {@code warehouse.driver: console}: every row as one JSON line (Go's encoding: keys sorted, compact, as the reference
 * prints them), otherwise a {@link NoopDriver}. On WildFly the lines go to the log category
 * {@code org.d8a.warehouse.console}, which an operator can route to a file handler of its own.
 */
public class ConsoleDriver extends NoopDriver {

    private static final Logger LOG = Logger.getLogger(ConsoleDriver.class.getPackageName());

    private final Consumer<String> out;

    public ConsoleDriver() {
        this(LOG::info);
    }

    /** @param out receives one line per row */
    public ConsoleDriver(Consumer<String> out) {
        this.out = out;
    }

    /** Every field of the schema appears, a missing value as {@code null}, as the reference's row maps hold them. */
    @Override
    public void write(String table, Schema schema, List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            Map<String, Object> line = new HashMap<>();
            for (Field field : schema.getFields()) {
                line.put(field.getName(), row.get(field.getName()));
            }
            out.accept(GoJson.of(line));
        }
    }
}
