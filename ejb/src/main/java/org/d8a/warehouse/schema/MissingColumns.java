package org.d8a.warehouse.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.TypeIncompatibleException;
import org.d8a.warehouse.TypeIncompatibleException.Incompatibility;

/**
 * The schema fields a table lacks (spec/warehouses.md §1.4), shared by the warehouses that read their columns back as
 * Arrow fields. Every existing column of the schema is checked, so one migration reports all incompatibilities.
 */
public final class MissingColumns {

    private MissingColumns() {
    }

    /**
     * @param tableName as errors name it ({@code db.table})
     * @param existing the table's columns by name, read back from the warehouse
     * @return the fields of {@code schema} absent from {@code existing}, in schema order
     * @throws TypeIncompatibleException listing every existing column that does not fit its field; then no field is
     *         returned
     */
    public static List<Field> find(String tableName, Map<String, Field> existing, Schema schema,
            FieldCompatibility compatibility) throws TypeIncompatibleException {
        List<Field> missing = new ArrayList<>();
        List<Incompatibility> incompatible = new ArrayList<>();
        for (Field field : schema.getFields()) {
            Field column = existing.get(field.getName());
            if (column == null) {
                missing.add(field);
                continue;
            }
            Optional<String> why = compatibility.incompatibility(column, field);
            why.ifPresent(detail -> incompatible.add(
                    new Incompatibility(field.getName(), describe(column), describe(field), detail)));
        }
        if (!incompatible.isEmpty()) {
            throw new TypeIncompatibleException(tableName, incompatible);
        }
        return missing;
    }

    /** The type of a field with its children, e.g. {@code List<Struct<key: Utf8, value: Int(64, true)>>}. */
    static String describe(Field field) {
        if (field.getChildren().isEmpty()) {
            return field.getType().toString();
        }
        String children = field.getChildren().stream()
                .map(child -> field.getType() instanceof ArrowType.Struct
                        ? child.getName() + ": " + describe(child) : describe(child))
                .collect(Collectors.joining(", "));
        return field.getType() + "<" + children + ">";
    }
}
