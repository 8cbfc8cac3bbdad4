package org.d8a.protocol.matomo.custom;

import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.Column;
import org.d8a.columns.CoreInterfaces;
import org.d8a.columns.casts.Casts;
import org.d8a.columns.event.DerivedEventColumn;
import org.d8a.columns.session.DerivedSessionColumn;
import org.d8a.protocol.matomo.MatomoInterfaces;

/**
 * The columns of Matomo shortcuts (spec §2.7): the value of one entry of {@code custom_dimensions} /
 * {@code custom_variables} (event scope) or of their {@code session_*} merges (session scope), as a string column.
 */
public final class ShortcutColumns {

    private ShortcutColumns() {
    }

    public static Column of(ShortcutDefinition definition) {
        String list = (definition.session() ? "session_" : "") + (definition.isDimension() ? "custom_dimensions"
                : "custom_variables");
        String interfaceId = CoreInterfaces.CUSTOM + (definition.session() ? "session/" : "event/")
                + definition.columnName();
        Field field = field(definition.columnName(), UTF8).describedAs("Custom column: "
                + (definition.isDimension() ? "custom dimension " + definition.slot() + " (" + definition.name() + ")"
                        : "custom variable " + definition.name()) + " of " + list + ".");
        if (definition.session()) {
            return new DerivedSessionColumn(interfaceId, field, List.of(MatomoInterfaces.session(list)),
                    s -> pick(s.values().get(list), definition));
        }
        return new DerivedEventColumn(interfaceId, field, List.of(MatomoInterfaces.event(list)),
                e -> pick(e.values().get(list), definition));
    }

    /** The last entry of {@code list} that matches, its empty value null and its text cut to 8096 bytes. */
    private static Object pick(Object list, ShortcutDefinition definition) {
        Object picked = null;
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> fields && matches(fields, definition) && fields.get("value") != null) {
                    picked = fields.get("value");
                }
            }
        }
        return picked == null ? null : Casts.str(picked.toString());
    }

    private static boolean matches(Map<?, ?> fields, ShortcutDefinition definition) {
        return definition.isDimension() ? Long.valueOf(definition.slot()).equals(fields.get("slot"))
                : definition.name().equals(fields.get("name"));
    }
}
