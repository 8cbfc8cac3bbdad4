package org.d8a.warehouse;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Existing columns of a table whose types do not fit the schema (spec/warehouses.md §1.3, MultipleTypeIncompatible).
 * Delivery to the table stops: the message names the table, every column, its existing and its expected type.
 */
public class TypeIncompatibleException extends WarehouseException {

    /** One column: {@code existingType} as read back from the warehouse, {@code expectedType} from the schema. */
    public record Incompatibility(String columnName, String existingType, String expectedType, String detail) {
    }

    private final String tableName;
    private final List<Incompatibility> incompatibilities;

    public TypeIncompatibleException(String tableName, List<Incompatibility> incompatibilities) {
        super(message(tableName, incompatibilities));
        this.tableName = tableName;
        this.incompatibilities = List.copyOf(incompatibilities);
    }

    public String tableName() {
        return tableName;
    }

    public List<Incompatibility> incompatibilities() {
        return incompatibilities;
    }

    private static String message(String table, List<Incompatibility> all) {
        if (all.size() == 1) {
            Incompatibility one = all.get(0);
            return "column \"" + one.columnName() + "\" in table \"" + table + "\" has incompatible type: "
                    + one.detail() + " (existing=\"" + one.existingType() + "\", expected=\"" + one.expectedType()
                    + "\")";
        }
        return "table \"" + table + "\" has " + all.size() + " type incompatibilities:" + all.stream()
                .map(i -> "\n  - column \"" + i.columnName() + "\": existing=\"" + i.existingType() + "\", expected=\""
                        + i.expectedType() + "\" (" + i.detail() + ")")
                .collect(Collectors.joining());
    }
}
