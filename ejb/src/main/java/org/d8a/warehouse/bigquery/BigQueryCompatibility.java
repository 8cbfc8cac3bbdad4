package org.d8a.warehouse.bigquery;

import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.warehouse.schema.FieldCompatibility;
import org.d8a.warehouse.schema.TypeComparer;

/**
 * Whether an existing BigQuery column fits a schema field (spec/warehouses.md §1.5): BigQuery has one integer and one
 * float type, so 32- and 64-bit fields fit the same column, and TIMESTAMP (microseconds) takes second and millisecond
 * timestamps alike. Top-level nullability must be equal.
 */
public final class BigQueryCompatibility implements FieldCompatibility {

    private static final TypeComparer TYPES = TypeComparer.withRules(List.of(
            (existing, input) -> existing instanceof ArrowType.Int && input instanceof ArrowType.Int
                    ? Optional.of(true) : Optional.empty(),
            (existing, input) -> existing instanceof ArrowType.FloatingPoint
                    && input instanceof ArrowType.FloatingPoint ? Optional.of(true) : Optional.empty(),
            (existing, input) -> existing instanceof ArrowType.Timestamp e && input instanceof ArrowType.Timestamp i
                    && e.getTimezone().equals(i.getTimezone()) ? Optional.of(true) : Optional.empty()));

    @Override
    public Optional<String> incompatibility(Field existing, Field input) {
        if (existing.isNullable() != input.isNullable()) {
            return Optional.of("nullability differs - existing: " + existing.isNullable() + ", input: "
                    + input.isNullable());
        }
        TypeComparer.Result result = TYPES.compare(existing, input, input.getName());
        return result.equal() ? Optional.empty() : Optional.of(result.message());
    }
}
