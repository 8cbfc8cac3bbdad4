package org.d8a.warehouse.schema;

import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;

/** A warehouse's rule for whether an existing column can take the values of a schema field. */
@FunctionalInterface
public interface FieldCompatibility {

    /**
     * @param existing the column as read back from the warehouse
     * @param input the schema's field of the same name
     * @return why they do not fit, or empty when they do
     */
    Optional<String> incompatibility(Field existing, Field input);
}
