package org.d8a.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Vectors 1 (V1) and 12 of spec/warehouses.md §7. */
class CreateTableStatementTest {

    private static final String V1 = """
            CREATE TABLE testdb.analytics_events (
              `id` String,
              `user_id` Int64,
              `timestamp` DateTime64(0) DEFAULT '1970-01-01 00:00:00',
              `event_type` LowCardinality(String),
              `session_id` String,
              `is_active` Bool,
              `score` Float64,
              `count` Int64,
              `items` Int32,
              `rating` Float32,
              `tags` Array(String),
              `metrics` Array(Float64),
              `properties` Nested(`key` String, `value` String),
              `created_date` Date32 DEFAULT '1970-01-01'
            ) ENGINE = MergeTree()
            PARTITION BY toYYYYMM(timestamp)
            ORDER BY (event_type, user_id, timestamp)
            SETTINGS index_granularity = 8192;""";

    @Test
    void theTestSchemaGivesV1() throws Exception {
        TableOptions options = new TableOptions("MergeTree()", "toYYYYMM(timestamp)",
                List.of("event_type", "user_id", "timestamp"), 8192);
        assertEquals(V1, CreateTableStatement.render("testdb.analytics_events", TestSchema.schema(), options));
    }

    @Test
    void theProductDefaultsGiveThreeSuffixLines() throws Exception {
        Schema schema = new Schema(List.of(Field.notNullable("date_utc", TestSchema.DATE32)));
        String sql = CreateTableStatement.render(ClickHouseIdentifiers.table("db", "events"), schema,
                TableOptions.mergeTree("toYYYYMM(date_utc)", " property_id, date_utc ,session_id,"));
        assertEquals("""
                CREATE TABLE `db`.`events` (
                  `date_utc` Date32
                ) ENGINE = MergeTree()
                PARTITION BY toYYYYMM(date_utc)
                ORDER BY (property_id, date_utc, session_id);""", sql);
    }

    private static final TableOptions DEFAULTS = new TableOptions("MergeTree()", "default_partition",
            List.of("default_col"), 0);

    private static String withHints(Map<String, String> hints) throws Exception {
        Schema schema = new Schema(List.of(Field.notNullable("ts", TestSchema.TIMESTAMP_S)), hints);
        return CreateTableStatement.render("db.t", schema, DEFAULTS.forSchema(schema));
    }

    @Test
    void anOrderByHintReplacesTheDefaultOrder() throws Exception {
        String sql = withHints(Map.of(TableOptions.ORDER_BY_HINT, "toDate(ts), session_id, event_id",
                TableOptions.PARTITION_BY_HINT, "toYYYYMM(ts)"));
        assertTrue(sql.contains("ORDER BY (toDate(ts), session_id, event_id)"), sql);
        assertTrue(sql.contains("PARTITION BY toYYYYMM(ts)"), sql);
    }

    @Test
    void anOrderByHintAloneMeansNoPartition() throws Exception {
        String sql = withHints(Map.of(TableOptions.ORDER_BY_HINT, "col_a,col_b"));
        assertTrue(sql.contains("ORDER BY (col_a, col_b)"), sql);
        assertFalse(sql.contains("PARTITION BY"), sql);
    }

    @Test
    void aPartitionHintAloneKeepsTheDefaultOrder() throws Exception {
        String sql = withHints(Map.of(TableOptions.PARTITION_BY_HINT, "toYYYYMM(ts)"));
        assertTrue(sql.endsWith("PARTITION BY toYYYYMM(ts)\nORDER BY (default_col);"), sql);
    }

    @Test
    void noHintsKeepTheDefaults() throws Exception {
        assertTrue(withHints(Map.of()).endsWith(") ENGINE = MergeTree()\nPARTITION BY default_partition\n"
                + "ORDER BY (default_col);"));
    }

    @Test
    void everyStatementEndsWithTheSettingsClause() {
        assertEquals("CREATE TABLE t (\n  `a` String\n) ENGINE = MergeTree()\nORDER BY (a)\n"
                        + "SETTINGS flatten_nested = 0, max_execution_time = 60",
                StatementSettings.apply("CREATE TABLE t (\n  `a` String\n) ENGINE = MergeTree()\nORDER BY (a);"));
    }
}
