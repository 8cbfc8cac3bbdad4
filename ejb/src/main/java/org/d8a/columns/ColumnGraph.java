package org.d8a.columns;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Orders columns so that each is computed after the columns it depends on, the way the reference does (Kahn's
 * algorithm: the free interfaces sorted by id form the queue, interfaces freed by each popped one are sorted and
 * appended), and rejects column sets that cannot be ordered: duplicate ids, self-dependencies, missing dependencies
 * and cycles, each with a message naming the interfaces involved.
 */
public final class ColumnGraph {

    private ColumnGraph() {
    }

    public static List<Column> sort(List<? extends Column> columns) {
        Map<String, Column> byId = new LinkedHashMap<>();
        for (Column column : columns) {
            if (byId.put(column.interfaceId(), column) != null) {
                throw new ColumnDefinitionException("duplicate column interface " + column.interfaceId());
            }
        }
        Map<String, Integer> unmet = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (Column column : columns) {
            String id = column.interfaceId();
            unmet.put(id, 0);
            for (String dependency : column.dependsOn()) {
                if (dependency.equals(id)) {
                    throw new ColumnDefinitionException("column interface " + id + " depends on itself");
                }
                if (!byId.containsKey(dependency)) {
                    throw new ColumnDefinitionException("column interface " + id + " depends on " + dependency
                            + ", which no column implements (missing dependency)");
                }
                unmet.merge(id, 1, Integer::sum);
                dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(id);
            }
        }
        Deque<String> queue = new ArrayDeque<>(new TreeSet<>(unmet.entrySet().stream()
                .filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList()));
        List<Column> sorted = new ArrayList<>(columns.size());
        while (!queue.isEmpty()) {
            String id = queue.removeFirst();
            sorted.add(byId.get(id));
            TreeSet<String> freed = new TreeSet<>();
            for (String dependent : dependents.getOrDefault(id, List.of())) {
                if (unmet.merge(dependent, -1, Integer::sum) == 0) {
                    freed.add(dependent);
                }
            }
            queue.addAll(freed);
        }
        if (sorted.size() < columns.size()) {
            throw new ColumnDefinitionException("column dependency cycle: " + cycle(byId, unmet));
        }
        return sorted;
    }

    private static String cycle(Map<String, Column> byId, Map<String, Integer> unmet) {
        String start = new TreeSet<>(unmet.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).toList()).first();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = byId.get(current).dependsOn().stream().filter(d -> unmet.get(d) > 0).sorted()
                    .findFirst().orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        loop.add(current);
        return String.join(" -> ", loop);
    }
}
