package org.d8a.warehouse.clickhouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The columns of each table as last read, for writes (spec/warehouses.md §1.6): reading {@code system.columns} for
 * every chunk would double the statements. Entries expire after a minute, so a column added by hand is seen; the
 * driver forgets a table at once when it changes the table itself.
 */
final class ColumnCache {

    static final Duration TTL = Duration.ofMinutes(1);

    private record Entry(List<Field> columns, Instant loaded) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    ColumnCache(Clock clock) {
        this.clock = clock;
    }

    /** @return the table's columns, or {@code null} when unknown or expired */
    List<Field> get(String table) {
        Entry entry = entries.get(table);
        if (entry == null || !clock.instant().isBefore(entry.loaded().plus(TTL))) {
            return null;
        }
        return entry.columns();
    }

    void put(String table, List<Field> columns) {
        entries.put(table, new Entry(List.copyOf(columns), clock.instant()));
    }

    void invalidate(String table) {
        entries.remove(table);
    }
}
