package org.d8a.warehouse.clickhouse;

/**
 * The query settings every statement the driver sends carries, as a {@code SETTINGS} clause of the statement itself:
 * over HTTP each statement is its own request, and a clause works whichever data source (ours or a WildFly one
 * configured by an operator) runs it.
 * <ul>
 * <li>{@code flatten_nested = 0}: a {@code Nested(...)} column stays one column (an array of tuples); with the server's
 * default, CREATE TABLE and ADD COLUMN would split it into one array column per member, which reading the columns
 * back and inserting rows do not expect.</li>
 * <li>{@code max_execution_time = 60}: no statement holds a delivery for longer.</li>
 * </ul>
 */
final class StatementSettings {

    static final String CLAUSE = "SETTINGS flatten_nested = 0, max_execution_time = 60";

    /** Inserts also parse our ISO-8601 UTC instants ({@code 2025-06-15T12:00:00.123Z}) as such. */
    static final String INSERT_CLAUSE = CLAUSE + ", date_time_input_format = 'best_effort'";

    private StatementSettings() {
    }

    /** The statement with the settings clause; a trailing {@code ;} is dropped (the clause must end it). */
    static String apply(String statement) {
        String trimmed = statement.strip();
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed + "\n" + CLAUSE;
    }
}
