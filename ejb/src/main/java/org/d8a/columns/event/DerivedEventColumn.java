package org.d8a.columns.event;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.ColumnException;
import org.d8a.columns.EventColumn;
import org.d8a.sessions.Event;

/** An event column whose value is a function of the event (and of the columns it depends on). */
public record DerivedEventColumn(String interfaceId, Field field, List<String> dependsOn, EventValue value)
        implements EventColumn {

    public DerivedEventColumn(String interfaceId, Field field, EventValue value) {
        this(interfaceId, field, List.of(), value);
    }

    @Override
    public Object value(Event event) throws ColumnException {
        return value.of(event);
    }
}
