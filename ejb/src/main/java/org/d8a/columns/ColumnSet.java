package org.d8a.columns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns of one property, in two orders: execution order (dependencies first, across all scopes) and table order
 * (event, then session-scoped event, then session columns; within each, the definition order of the core and the
 * protocol interface lists, then interfaces outside those lists in execution order, custom columns last).
 */
public final class ColumnSet {

    private final List<EventColumn> eventColumns = new ArrayList<>();
    private final List<SessionScopedEventColumn> sessionScopedEventColumns = new ArrayList<>();
    private final List<SessionColumn> sessionColumns = new ArrayList<>();
    private final Schema tableSchema;
    private final Comparator<Column> tableOrder;

    /**
     * @param columns every column of the property
     * @param definitionOrder interface ids in table order: the core list followed by the protocol's list
     */
    public ColumnSet(List<? extends Column> columns, List<String> definitionOrder) {
        for (Column column : ColumnGraph.sort(columns)) {
            if (column instanceof EventColumn event) {
                eventColumns.add(event);
            } else if (column instanceof SessionScopedEventColumn scoped) {
                sessionScopedEventColumns.add(scoped);
            } else if (column instanceof SessionColumn session) {
                sessionColumns.add(session);
            } else {
                throw new ColumnDefinitionException("column " + column.interfaceId()
                        + " is neither an event, a session-scoped event nor a session column");
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        for (String id : definitionOrder) {
            rank.putIfAbsent(id, rank.size());
        }
        tableOrder = Comparator.comparingInt(c -> rank.getOrDefault(c.interfaceId(),
                c.interfaceId().startsWith(CoreInterfaces.CUSTOM) ? Integer.MAX_VALUE : Integer.MAX_VALUE - 1));
        List<Field> fields = new ArrayList<>();
        eventColumns.stream().sorted(tableOrder).forEach(c -> fields.add(c.field()));
        sessionScopedEventColumns.stream().sorted(tableOrder).forEach(c -> fields.add(c.field()));
        sessionColumns.stream().sorted(tableOrder).forEach(c -> fields.add(c.field()));
        assertUniqueNames(fields);
        tableSchema = new Schema(fields);
    }

    private static void assertUniqueNames(List<Field> fields) {
        Map<String, Boolean> seen = new HashMap<>();
        for (Field field : fields) {
            if (seen.put(field.getName(), Boolean.TRUE) != null) {
                throw new ColumnDefinitionException("two columns are named " + field.getName());
            }
        }
    }

    public List<EventColumn> eventColumns() {
        return eventColumns;
    }

    public List<SessionScopedEventColumn> sessionScopedEventColumns() {
        return sessionScopedEventColumns;
    }

    public List<SessionColumn> sessionColumns() {
        return sessionColumns;
    }

    /**
     * Sorts the columns of one scope, taken in execution order, into table order (a stable sort: columns outside the
     * definition order keep their execution order).
     */
    public Comparator<Column> tableOrder() {
        return tableOrder;
    }

    /** The events table: one field per column, in table order. */
    public Schema tableSchema() {
        return tableSchema;
    }
}
