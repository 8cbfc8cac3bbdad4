package org.d8a.columns.session;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.ColumnException;
import org.d8a.columns.SessionScopedEventColumn;
import org.d8a.sessions.Session;

/** A per-event column whose value is a function of the whole session and the event's position in it. */
public record DerivedSessionScopedEventColumn(String interfaceId, Field field, List<String> dependsOn,
        SessionScopedValue value) implements SessionScopedEventColumn {

    @Override
    public Object value(Session session, int index) throws ColumnException {
        return value.of(session, index);
    }
}
