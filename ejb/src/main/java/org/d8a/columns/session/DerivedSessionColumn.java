package org.d8a.columns.session;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.ColumnException;
import org.d8a.columns.SessionColumn;
import org.d8a.sessions.Session;

/** A session column whose value is a function of the session's events. */
public record DerivedSessionColumn(String interfaceId, Field field, List<String> dependsOn, SessionValue value)
        implements SessionColumn {

    @Override
    public Object value(Session session) throws ColumnException {
        return value.of(session);
    }
}
