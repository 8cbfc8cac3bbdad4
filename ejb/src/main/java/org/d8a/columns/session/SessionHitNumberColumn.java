package org.d8a.columns.session;

import static org.d8a.columns.ColumnFields.INT64;

import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.ColumnFields;
import org.d8a.columns.CoreInterfaces;
import org.d8a.columns.SessionScopedEventColumn;
import org.d8a.sessions.Session;

/** {@code session_hit_number}: 0-based position of the event in its session. */
public final class SessionHitNumberColumn implements SessionScopedEventColumn {

    private static final Field FIELD = ColumnFields.field("session_hit_number", INT64)
            .describedAs("0-based position of the event in its session.");

    @Override
    public String interfaceId() {
        return CoreInterfaces.event("session_hit_number");
    }

    @Override
    public Field field() {
        return FIELD;
    }

    @Override
    public Object value(Session session, int index) {
        return (long) index;
    }
}
