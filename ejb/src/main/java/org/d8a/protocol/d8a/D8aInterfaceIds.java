package org.d8a.protocol.d8a;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.Column;
import org.d8a.columns.ColumnException;
import org.d8a.columns.EventColumn;
import org.d8a.columns.SessionColumn;
import org.d8a.columns.SessionScopedEventColumn;
import org.d8a.protocol.ga4.Ga4Interfaces;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * Presents the GA4 protocol's columns under the d8a protocol's interface ids ({@code ga4.protocols...} becomes
 * {@code d8a.protocols...}, in dependencies too, spec §2.11). Custom columns that depend on the GA4 {@code params}
 * interface are renamed the same way, so they work under d8a (deliberate fix: the reference fails with a missing
 * dependency).
 */
public final class D8aInterfaceIds {

    private D8aInterfaceIds() {
    }

    public static List<Column> rename(List<? extends Column> columns) {
        return columns.stream().map(D8aInterfaceIds::rename).toList();
    }

    private static Column rename(Column column) {
        String id = Ga4Interfaces.forProtocol(column.interfaceId(), D8aProtocol.ID);
        List<String> dependsOn = column.dependsOn().stream()
                .map(dependency -> Ga4Interfaces.forProtocol(dependency, D8aProtocol.ID)).toList();
        if (id.equals(column.interfaceId()) && dependsOn.equals(column.dependsOn())) {
            return column;
        }
        if (column instanceof EventColumn event) {
            return new RenamedEventColumn(id, dependsOn, event);
        }
        if (column instanceof SessionScopedEventColumn scoped) {
            return new RenamedSessionScopedEventColumn(id, dependsOn, scoped);
        }
        return new RenamedSessionColumn(id, dependsOn, (SessionColumn) column);
    }

    private record RenamedEventColumn(String interfaceId, List<String> dependsOn, EventColumn column)
            implements EventColumn {

        @Override
        public int version() {
            return column.version();
        }

        @Override
        public Field field() {
            return column.field();
        }

        @Override
        public Object value(Event event) throws ColumnException {
            return column.value(event);
        }
    }

    private record RenamedSessionScopedEventColumn(String interfaceId, List<String> dependsOn,
            SessionScopedEventColumn column) implements SessionScopedEventColumn {

        @Override
        public int version() {
            return column.version();
        }

        @Override
        public Field field() {
            return column.field();
        }

        @Override
        public Object value(Session session, int index) throws ColumnException {
            return column.value(session, index);
        }
    }

    private record RenamedSessionColumn(String interfaceId, List<String> dependsOn, SessionColumn column)
            implements SessionColumn {

        @Override
        public int version() {
            return column.version();
        }

        @Override
        public Field field() {
            return column.field();
        }

        @Override
        public Object value(Session session) throws ColumnException {
            return column.value(session);
        }
    }
}
