package org.d8a.columns;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A warehouse column: the stable interface it implements, the Arrow field that is its name, type and nullability in
 * every warehouse, and the interfaces whose values it reads. Behaviour lives in the three scopes that extend this.
 */
public interface Column {

    /** Stable logical id, such as {@code core.d8a.tech/events/page_location}. */
    String interfaceId();

    /** Version of the interface this column implements. */
    default int version() {
        return 1;
    }

    Field field();

    /** Interface ids whose values must be computed before this column's. */
    default List<String> dependsOn() {
        return List.of();
    }
}
