package org.d8a.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.Column;
import org.d8a.columns.ColumnFields;
import org.d8a.columns.ColumnSet;

/**
 * Describes the columns of a column set in table order, for the generated {@code docs/columns.md} and the columns
 * endpoint: both come from the machinery, so they cannot drift from what is written.
 */
public final class ColumnReference {

    private ColumnReference() {
    }

    public static List<ColumnDescription> describe(ColumnSet columns) {
        List<ColumnDescription> descriptions = new ArrayList<>();
        columns.eventColumns().stream().sorted(columns.tableOrder())
                .forEach(column -> descriptions.add(describe(column, "event")));
        columns.sessionScopedEventColumns().stream().sorted(columns.tableOrder())
                .forEach(column -> descriptions.add(describe(column, "session_scoped_event")));
        columns.sessionColumns().stream().sorted(columns.tableOrder())
                .forEach(column -> descriptions.add(describe(column, "session")));
        return descriptions;
    }

    private static ColumnDescription describe(Column column, String scope) {
        Field field = column.field();
        String description = field.getMetadata() == null ? "" : field.getMetadata().getOrDefault(
                ColumnFields.DESCRIPTION, "");
        return new ColumnDescription(field.getName(), typeOf(field), field.isNullable(), scope, column.interfaceId(),
                description);
    }

    /** The spec's notation: {@code utf8}, {@code int64}, {@code timestamp[ms, tz=UTC]}, {@code list<struct<a: utf8>>}. */
    static String typeOf(Field field) {
        ArrowType type = field.getType();
        return switch (type.getTypeID()) {
            case Utf8 -> "utf8";
            case Bool -> "bool";
            case Int -> "int" + ((ArrowType.Int) type).getBitWidth();
            case FloatingPoint -> switch (((ArrowType.FloatingPoint) type).getPrecision()) {
                case HALF -> "float16";
                case SINGLE -> "float32";
                case DOUBLE -> "float64";
            };
            case Date -> "date32";
            case Timestamp -> "timestamp[" + ((ArrowType.Timestamp) type).getUnit().name().toLowerCase()
                    .replace("millisecond", "ms").replace("microsecond", "us").replace("nanosecond", "ns")
                    .replace("second", "s") + ", tz=" + ((ArrowType.Timestamp) type).getTimezone() + "]";
            case List -> "list<" + typeOf(field.getChildren().get(0)) + ">";
            case Struct -> field.getChildren().stream().map(child -> child.getName() + ": " + typeOf(child))
                    .collect(Collectors.joining(", ", "struct<", ">"));
            default -> type.toString();
        };
    }

    /** The Markdown table of one protocol's columns. */
    public static String markdown(List<ColumnDescription> columns) {
        StringBuilder text = new StringBuilder("| # | Column | Type | Null | Scope | Interface | Description |\n")
                .append("|---|---|---|---|---|---|---|\n");
        int position = 1;
        for (ColumnDescription column : columns) {
            text.append("| ").append(position++).append(" | `").append(column.name()).append("` | `")
                    .append(column.type()).append("` | ").append(column.nullable() ? "NULL" : "NOT NULL")
                    .append(" | ").append(column.scope().replace('_', ' ')).append(" | `")
                    .append(column.interfaceId()).append("` | ")
                    .append(column.description().replace("|", "\\|")).append(" |\n");
        }
        return text.toString();
    }
}
