package org.d8a.warehouse.clickhouse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The table clauses of CREATE TABLE (spec/warehouses.md §2.3): engine, PARTITION BY, ORDER BY, index granularity.
 *
 * @param partitionBy empty for none
 * @param orderBy empty for none (MergeTree then refuses the table: use {@code tuple()} for no order)
 * @param indexGranularity 0 leaves the server's default
 */
public record TableOptions(String engine, String partitionBy, List<String> orderBy, int indexGranularity) {

    /** Schema metadata: a table's own ORDER BY, comma-separated; it brings its own PARTITION BY (or none). */
    public static final String ORDER_BY_HINT = "d8a.warehouse.clickhouse.order_by";
    /** Schema metadata: a table's own PARTITION BY. */
    public static final String PARTITION_BY_HINT = "d8a.warehouse.clickhouse.partition_by";

    public TableOptions {
        partitionBy = partitionBy == null ? "" : partitionBy.trim();
        orderBy = List.copyOf(orderBy);
    }

    /** The product's options: MergeTree, the configured clauses, the server's index granularity. */
    public static TableOptions mergeTree(String partitionBy, String orderBy) {
        return new TableOptions("MergeTree()", partitionBy, split(orderBy), 0);
    }

    /** {@code a, b ,,c} → [a, b, c]: an expression with a comma cannot be a list item (the reference's rule). */
    public static List<String> split(String list) {
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    /**
     * The options for one schema: an ORDER BY hint replaces both ORDER BY and PARTITION BY (none unless hinted too);
     * a PARTITION BY hint alone replaces only PARTITION BY.
     */
    public TableOptions forSchema(Schema schema) {
        Map<String, String> metadata = schema.getCustomMetadata();
        if (metadata == null) {
            return this;
        }
        String orderHint = metadata.get(ORDER_BY_HINT);
        String partitionHint = metadata.get(PARTITION_BY_HINT);
        if (orderHint != null && !split(orderHint).isEmpty()) {
            return new TableOptions(engine, partitionHint, split(orderHint), indexGranularity);
        }
        if (partitionHint != null && !partitionHint.isBlank()) {
            return new TableOptions(engine, partitionHint, orderBy, indexGranularity);
        }
        return this;
    }
}
