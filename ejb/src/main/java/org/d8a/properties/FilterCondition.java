package org.d8a.properties;

/**
 * One traffic filter condition as configured (spec/pipeline.md §5.5).
 *
 * @param exclude {@code true} for {@code type: exclude}, {@code false} for {@code type: allow}
 * @param testMode a matching test-mode condition only names itself in {@code traffic_filter_name}
 * @param expression a Jakarta EL expression over the filter fields, without the {@code ${}} delimiters
 */
public record FilterCondition(String name, boolean exclude, boolean testMode, String expression) {
}
