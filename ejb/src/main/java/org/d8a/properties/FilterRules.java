package org.d8a.properties;

import java.util.List;

/**
 * A property's traffic filter as configured (spec/pipeline.md §5.5): the event fields its expressions may read and
 * its conditions in evaluation order. The filters area compiles and applies it.
 */
public record FilterRules(List<String> fields, List<FilterCondition> conditions) {

    /** No conditions: every event is kept. */
    public static final FilterRules NONE = new FilterRules(List.of("ip_address"), List.of());

    public FilterRules {
        fields = List.copyOf(fields);
        conditions = List.copyOf(conditions);
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }
}
