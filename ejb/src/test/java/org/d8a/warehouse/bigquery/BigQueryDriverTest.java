package org.d8a.warehouse.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TimePartitioning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.columns.ColumnFields;
import org.d8a.warehouse.ColumnAlreadyExistsException;
import org.d8a.warehouse.RejectedRowsException;
import org.d8a.warehouse.TableAlreadyExistsException;
import org.d8a.warehouse.TableNotFoundException;
import org.d8a.warehouse.TypeIncompatibleException;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.clickhouse.TestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The BigQuery driver against bqemulator: DDL, schema drift, every type and the load-job writer (spec §3). */
class BigQueryDriverTest {

    private static final AtomicInteger TABLES = new AtomicInteger();

    static BigQueryEmulator emulator;
    static BigQueryDriver driver;

    @BeforeAll
    static void start() throws Exception {
        emulator = BigQueryEmulator.start();
        driver = BigQueryClients.driver(emulator.settings(Map.of("warehouse.bigquery.partition_field", "created_date",
                "warehouse.bigquery.partition_expiration_days", "30")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    static String table() {
        return "t" + TABLES.incrementAndGet();
    }

    @Test
    void aTableIsCreatedWithEveryColumnItsModeDescriptionAndPartitioning() throws Exception {
        String table = table();
        Field described = TestSchema.withMetadata(Field.nullable("page", TestSchema.UTF8),
                Map.of(ColumnFields.DESCRIPTION, "the page's title"));
        List<Field> fields = new ArrayList<>(TestSchema.schema().getFields());
        fields.add(described);
        driver.createTable(table, new Schema(fields));

        StandardTableDefinition definition = emulator.client().getTable(TableId.of(BigQueryEmulator.DATASET, table))
                .getDefinition();
        List<String> columns = definition.getSchema().getFields().stream()
                .map(f -> f.getName() + " " + f.getType().getStandardType() + " " + f.getMode()
                        + (f.getSubFields() == null ? "" : " " + f.getSubFields().stream()
                                .map(s -> s.getName() + ":" + s.getType().getStandardType() + ":" + s.getMode())
                                .toList()))
                .toList();
        assertEquals(List.of("id STRING REQUIRED", "user_id INT64 REQUIRED", "timestamp TIMESTAMP NULLABLE",
                "event_type STRING REQUIRED", "session_id STRING REQUIRED", "is_active BOOL REQUIRED",
                "score FLOAT64 REQUIRED", "count INT64 REQUIRED", "items INT64 REQUIRED", "rating FLOAT64 REQUIRED",
                "tags STRING REPEATED", "metrics FLOAT64 REPEATED",
                "properties STRUCT REPEATED [key:STRING:NULLABLE, value:STRING:NULLABLE]",
                "created_date DATE NULLABLE", "page STRING NULLABLE"), columns);
        assertEquals("the page's title", definition.getSchema().getFields().get("page").getDescription());
        TimePartitioning partitioning = definition.getTimePartitioning();
        assertEquals(TimePartitioning.Type.DAY, partitioning.getType());
        assertEquals("created_date", partitioning.getField());
        assertEquals(30L * 86_400_000L, partitioning.getExpirationMs());
    }

    @Test
    void creatingATableTwiceFailsWithTableAlreadyExists() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        TableAlreadyExistsException e = assertThrows(TableAlreadyExistsException.class,
                () -> driver.createTable(table, TestSchema.schema()));
        assertTrue(e.getMessage().contains("d8a." + table), e.getMessage());
    }

    @Test
    void aTableCreatedFromTheSchemaMissesNothing() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        assertEquals(List.of(), driver.missingColumns(table, TestSchema.schema()));
    }

    @Test
    void everyFieldIsMissingFromAOneColumnTable() throws Exception {
        String table = table();
        driver.createTable(table, new Schema(List.of(TestSchema.notNull("id", TestSchema.UTF8))));
        List<String> missing = driver.missingColumns(table, TestSchema.schema()).stream().map(Field::getName).toList();
        assertEquals(TestSchema.schema().getFields().stream().map(Field::getName).skip(1).toList(), missing);
    }

    @Test
    void missingColumnsOfAnUnknownTableFailsWithTableNotFound() {
        assertThrows(TableNotFoundException.class, () -> driver.missingColumns("no_such_table", TestSchema.schema()));
    }

    @Test
    void int32AndFloat32FieldsFitTheInt64AndFloat64ColumnsTheyCreate() throws Exception {
        String table = table();
        Schema narrow = new Schema(List.of(TestSchema.notNull("items", TestSchema.INT32),
                TestSchema.notNull("rating", TestSchema.FLOAT32), Field.nullable("at", TestSchema.TIMESTAMP_S)));
        driver.createTable(table, narrow);
        assertEquals(List.of(), driver.missingColumns(table, narrow));
    }

    @Test
    void incompatibleExistingColumnsAreAllReported() throws Exception {
        String table = table();
        driver.createTable(table, new Schema(List.of(TestSchema.notNull("user_id", TestSchema.UTF8),
                Field.nullable("score", TestSchema.FLOAT64))));
        TypeIncompatibleException e = assertThrows(TypeIncompatibleException.class,
                () -> driver.missingColumns(table, TestSchema.schema()));
        assertTrue(e.getMessage().contains("user_id"), e.getMessage());
        assertTrue(e.getMessage().contains("type IDs differ - expected: STRING, actual: INT64"), e.getMessage());
        assertTrue(e.getMessage().contains("nullability differs - existing: true, input: false"), e.getMessage());
    }

    @Test
    void anAddedColumnComesLastAndIsNoLongerMissing() throws Exception {
        String table = table();
        driver.createTable(table, new Schema(List.of(TestSchema.notNull("id", TestSchema.UTF8))));
        Field added = Field.nullable("campaign", TestSchema.UTF8);
        driver.addColumn(table, added);
        List<String> names = emulator.client().getTable(TableId.of(BigQueryEmulator.DATASET, table)).getDefinition()
                .getSchema().getFields().stream().map(com.google.cloud.bigquery.Field::getName).toList();
        assertEquals(List.of("id", "campaign"), names);
        assertEquals(List.of(), driver.missingColumns(table,
                new Schema(List.of(TestSchema.notNull("id", TestSchema.UTF8), added))));
        assertThrows(ColumnAlreadyExistsException.class, () -> driver.addColumn(table, added));
    }

    @Test
    void addingAColumnToAMissingTableFailsWithTableNotFound() {
        assertThrows(TableNotFoundException.class,
                () -> driver.addColumn("no_such_table", Field.nullable("x", TestSchema.UTF8)));
    }

    @Test
    void writingNoRowsSendsNothing() throws Exception {
        driver.write("never_created_table", TestSchema.schema(), List.of());
    }

    @Test
    void everyTypeIsReadBackAsWritten() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        Map<String, Object> row = TestSchema.fullRow("r1");
        row.put("timestamp", Instant.parse("2025-06-15T12:00:00.123Z"));
        row.put("rating", 3.14f);
        driver.write(table, TestSchema.schema(), List.of(row));

        List<FieldValueList> rows = emulator.query("SELECT id, user_id, UNIX_MILLIS(timestamp), event_type,"
                + " session_id, is_active, score, `count`, items, rating, ARRAY_LENGTH(tags), tags[OFFSET(1)],"
                + " metrics[OFFSET(1)], properties[OFFSET(0)].key, properties[OFFSET(0)].value,"
                + " CAST(created_date AS STRING) FROM d8a." + table);
        assertEquals(1, rows.size());
        FieldValueList r = rows.get(0);
        assertEquals("r1", r.get(0).getStringValue());
        assertEquals(7L, r.get(1).getLongValue());
        assertEquals(Instant.parse("2025-06-15T12:00:00.123Z").toEpochMilli(), r.get(2).getLongValue());
        assertEquals("page_view", r.get(3).getStringValue());
        assertEquals("s1", r.get(4).getStringValue());
        assertEquals(true, r.get(5).getBooleanValue());
        assertEquals(1.5, r.get(6).getDoubleValue());
        assertEquals(3L, r.get(7).getLongValue());
        assertEquals(2L, r.get(8).getLongValue());
        assertEquals(3.140000104904175, r.get(9).getDoubleValue());
        assertEquals(2L, r.get(10).getLongValue());
        assertEquals("b", r.get(11).getStringValue());
        assertEquals(2.5, r.get(12).getDoubleValue());
        assertEquals("k", r.get(13).getStringValue());
        assertEquals("v", r.get(14).getStringValue());
        assertEquals("2025-06-15", r.get(15).getStringValue());
    }

    @Test
    void nullsStayNullListsBecomeEmptyAndAbsentRecordMembersAreNull() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        Map<String, Object> row = TestSchema.requiredValues("r1");
        row.put("properties", List.of(Map.of("key", "only_key"), Map.of("value", "only_value")));
        driver.write(table, TestSchema.schema(), List.of(row));
        List<FieldValueList> rows = emulator.query("SELECT timestamp IS NULL, ARRAY_LENGTH(tags), created_date IS NULL,"
                + " properties[OFFSET(0)].value IS NULL, properties[OFFSET(1)].key IS NULL,"
                + " properties[OFFSET(1)].value FROM d8a." + table);
        FieldValueList r = rows.get(0);
        assertEquals(true, r.get(0).getBooleanValue());
        assertEquals(0L, r.get(1).getLongValue());
        assertEquals(true, r.get(2).getBooleanValue());
        assertEquals(true, r.get(3).getBooleanValue());
        assertEquals(true, r.get(4).getBooleanValue());
        assertEquals("only_value", r.get(5).getStringValue());
    }

    @Test
    void aLoadJobIsItsOwnCommitSoStagingLoadsTheRowsAtOnce() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        assertNull(driver.stage(table, TestSchema.schema(), List.of(TestSchema.fullRow("r1"))));
        assertEquals(1, emulator.query("SELECT id FROM d8a." + table).size());
    }

    @Test
    void aValueOfTheWrongTypeNamesItsColumnAndValueAndWritesNothing() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        Map<String, Object> bad = TestSchema.fullRow("r2");
        bad.put("score", "not_a_number");
        WarehouseException e = assertThrows(RejectedRowsException.class,
                () -> driver.write(table, TestSchema.schema(), List.of(TestSchema.fullRow("r1"), bad)));
        assertEquals("column score, value \"not_a_number\": expected float64-compatible type, got String",
                e.getMessage());
        Map<String, Object> overflow = TestSchema.fullRow("r3");
        overflow.put("items", 17179869184L);
        e = assertThrows(RejectedRowsException.class,
                () -> driver.write(table, TestSchema.schema(), List.of(overflow)));
        assertEquals("column items, value 17179869184: int64 value 17179869184 overflows int32 range", e.getMessage());
        assertEquals(0, emulator.query("SELECT id FROM d8a." + table).size());
    }

    @Test
    void aRowBigQueryRejectsFailsTheLoadNamingTheColumnAndValue() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        // The schema says text where the table has INT64: the rows pass d8a's formatting and BigQuery refuses them.
        List<Field> fields = new ArrayList<>(TestSchema.schema().getFields());
        fields.set(7, TestSchema.notNull("count", TestSchema.UTF8));
        Map<String, Object> text = TestSchema.fullRow("r2");
        text.put("count", "three");
        Map<String, Object> fine = TestSchema.fullRow("r1");
        fine.put("count", "3");
        WarehouseException e = assertThrows(RejectedRowsException.class,
                () -> driver.write(table, new Schema(fields), List.of(fine, text)));
        assertTrue(e.getMessage().startsWith("load job failed: "), e.getMessage());
        // BigQuery's row error names the field too ("... for field count"); the emulator's names the value only.
        assertTrue(e.getMessage().contains("\"three\""), e.getMessage());
        assertEquals(0, emulator.query("SELECT id FROM d8a." + table).size());
    }

    @Test
    void aChunkIsOneLoadJobWhateverItsRowCount() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        long before = loadJobs();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            rows.add(TestSchema.fullRow("r" + i));
        }
        driver.write(table, TestSchema.schema(), rows);
        assertEquals(before + 1, loadJobs());
        assertEquals(250L, emulator.query("SELECT COUNT(*) FROM d8a." + table).get(0).get(0).getLongValue());
    }

    @Test
    void aChunkWhoseJobAlreadySucceededIsNotLoadedAgain() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        List<Map<String, Object>> rows = List.of(TestSchema.fullRow("r1"));
        // A succeeded job under the chunk's first id: what an earlier delivery that crashed after its load leaves.
        String jobId = NdjsonChunk.of(BigQueryEmulator.DATASET + "." + table, TestSchema.schema(), rows).jobId(0);
        emulator.client().create(JobInfo.of(JobId.of(jobId), QueryJobConfiguration.of("SELECT 1"))).waitFor();
        driver.write(table, TestSchema.schema(), rows);
        assertEquals(0, emulator.query("SELECT id FROM d8a." + table).size());
    }

    @Test
    void theJobIdIsTheSameForTheSameChunkAndDiffersForAnyOther() {
        List<Map<String, Object>> rows = List.of(TestSchema.fullRow("r1"), TestSchema.fullRow("r2"));
        String id = NdjsonChunk.of("d8a.events", TestSchema.schema(), rows).jobId(0);
        assertEquals(id, NdjsonChunk.of("d8a.events", TestSchema.schema(), List.of(TestSchema.fullRow("r1"),
                TestSchema.fullRow("r2"))).jobId(0));
        assertTrue(id.matches("d8a_[0-9a-f]{64}_0"), id);
        assertTrue(!id.equals(NdjsonChunk.of("d8a.other", TestSchema.schema(), rows).jobId(0)));
        assertTrue(!id.equals(NdjsonChunk.of("d8a.events", TestSchema.schema(), rows.subList(0, 1)).jobId(0)));
        assertTrue(!id.equals(NdjsonChunk.of("d8a.events", TestSchema.schema(), rows).jobId(1)));
    }

    private static long loadJobs() {
        long count = 0;
        for (com.google.cloud.bigquery.Job job : emulator.client().listJobs().iterateAll()) {
            if (job.getConfiguration().getType() == com.google.cloud.bigquery.JobConfiguration.Type.LOAD) {
                count++;
            }
        }
        return count;
    }

}
