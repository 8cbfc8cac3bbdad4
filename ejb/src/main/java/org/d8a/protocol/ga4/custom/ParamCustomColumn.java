package org.d8a.protocol.ga4.custom;

import static org.d8a.columns.ColumnFields.FLOAT64;
import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.UTF8;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.BrokenEventException;
import org.d8a.columns.ColumnFields;
import org.d8a.columns.CoreInterfaces;
import org.d8a.columns.EventColumn;
import org.d8a.columns.casts.Casts;
import org.d8a.protocol.ga4.Ga4Interfaces;
import org.d8a.sessions.Event;

/**
 * A custom column: the last non-null value of the named element of the event's {@code params} list, cast to the
 * declared type (spec §7.3), or of its {@code user_properties} list when the definition's source says so.
 */
public final class ParamCustomColumn implements EventColumn {

    private static final String INTERFACE_PREFIX = CoreInterfaces.CUSTOM + "event/";

    private final CustomColumnDefinition definition;
    private final Field field;

    public ParamCustomColumn(CustomColumnDefinition definition) {
        this.definition = definition;
        this.field = ColumnFields.field(definition.columnName(), arrowType(definition.type()))
                .describedAs("Custom column: the " + (definition.source().equals(CustomColumnDefinition.PARAMS)
                        ? "event parameter " : "user property ") + definition.paramName() + " as "
                        + definition.type() + ".");
    }

    private static ArrowType arrowType(String type) {
        return switch (type) {
            case "int64" -> INT64;
            case "float64" -> FLOAT64;
            default -> UTF8;
        };
    }

    @Override
    public String interfaceId() {
        return INTERFACE_PREFIX + definition.columnName();
    }

    @Override
    public Field field() {
        return field;
    }

    @Override
    public List<String> dependsOn() {
        return List.of(Ga4Interfaces.event(definition.source()));
    }

    @Override
    public Object value(Event event) throws BrokenEventException {
        Object params = event.values().get(definition.source());
        if (params == null) {
            return null;
        }
        if (!(params instanceof List<?> elements)) {
            throw new BrokenEventException("custom column " + definition.columnName()
                    + " cannot read repeated records from " + definition.source() + ": not a list");
        }
        Object picked = null;
        for (Object element : elements) {
            if (element instanceof Map<?, ?> record && definition.paramName().equals(record.get("name"))) {
                Object candidate = record.get(definition.valueField());
                if (candidate != null) {
                    picked = candidate;
                }
            }
        }
        return picked == null ? null : cast(picked);
    }

    private Object cast(Object value) throws BrokenEventException {
        switch (definition.type()) {
            case "int64":
                if (value instanceof Number number) {
                    return (long) number.doubleValue();
                }
                return value instanceof String text ? Casts.int64(text) : null;
            case "float64":
                if (value instanceof Number number) {
                    return number.doubleValue();
                }
                return value instanceof String text ? Casts.float64(text) : null;
            default:
                if (!(value instanceof String text)) {
                    throw new BrokenEventException("custom column " + definition.columnName()
                            + " expects a string value, got " + value);
                }
                return Casts.str(text);
        }
    }
}
