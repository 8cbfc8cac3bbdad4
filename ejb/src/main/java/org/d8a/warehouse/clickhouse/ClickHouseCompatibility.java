package org.d8a.warehouse.clickhouse;

import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.warehouse.schema.FieldCompatibility;
import org.d8a.warehouse.schema.TypeComparer;

/**
 * Whether an existing ClickHouse column fits a schema field (spec/warehouses.md §1.5): types strictly equal, no
 * widening (an Int32 column cannot take Int64 values). Nullability is not compared for scalars, which d8a stores as
 * {@code T DEFAULT zero} either way, nor for lists, which ClickHouse cannot make nullable.
 */
public final class ClickHouseCompatibility implements FieldCompatibility {

    private static final TypeComparer TYPES = TypeComparer.strict();

    @Override
    public Optional<String> incompatibility(Field existing, Field input) {
        boolean anyList = existing.getType() instanceof ArrowType.List || input.getType() instanceof ArrowType.List;
        boolean bothScalar = existing.getChildren().isEmpty() && input.getChildren().isEmpty();
        if (!anyList && !bothScalar && existing.isNullable() != input.isNullable()) {
            return Optional.of("nullability differs - existing: " + existing.isNullable() + ", input: "
                    + input.isNullable());
        }
        TypeComparer.Result result = TYPES.compare(existing, input, input.getName());
        return result.equal() ? Optional.empty() : Optional.of(result.message());
    }
}
