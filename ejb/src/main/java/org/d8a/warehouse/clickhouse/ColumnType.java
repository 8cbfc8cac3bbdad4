package org.d8a.warehouse.clickhouse;

/**
 * A ClickHouse column type for an Arrow field.
 *
 * @param type the type text, e.g. {@code LowCardinality(String)}
 * @param defaultExpression the {@code DEFAULT} of a nullable scalar (d8a never uses {@code Nullable(T)}: a null is
 *        written as this zero value), or {@code null}
 */
public record ColumnType(String type, String defaultExpression) {

    /** {@code String DEFAULT ''}, or just the type when there is no default. */
    public String text() {
        return defaultExpression == null ? type : type + " DEFAULT " + defaultExpression;
    }
}
