package org.d8a.warehouse.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.bigquery.FieldValueList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.d8a.warehouse.Publication;
import org.d8a.warehouse.RejectedRowsException;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.clickhouse.TestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The streaming writer (Storage Write API over gRPC) against bqemulator, in both stream types (spec §3.5). */
class BigQueryStreamingTest {

    static BigQueryEmulator emulator;
    static BigQueryDriver pending;
    static BigQueryDriver committed;

    @BeforeAll
    static void start() throws Exception {
        emulator = BigQueryEmulator.start();
        pending = BigQueryClients.driver(emulator.settings(Map.of("warehouse.bigquery.writer_type", "streaming")));
        committed = BigQueryClients.driver(emulator.settings(Map.of("warehouse.bigquery.writer_type", "STREAMING",
                "warehouse.bigquery.stream_type", "committed")));
    }

    @AfterAll
    static void stop() throws Exception {
        for (BigQueryDriver driver : new BigQueryDriver[] {pending, committed}) {
            if (driver != null) {
                driver.close();
            }
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aPendingStreamWritesEveryTypeAndNestedItems() throws Exception {
        assertEveryTypeIsWritten(pending, "pending_types");
    }

    @Test
    void aCommittedStreamWritesEveryTypeAndNestedItems() throws Exception {
        assertEveryTypeIsWritten(committed, "committed_types");
    }

    private static void assertEveryTypeIsWritten(BigQueryDriver driver, String table) throws Exception {
        driver.createTable(table, TestSchema.schema());
        Map<String, Object> row = TestSchema.fullRow("r1");
        row.put("timestamp", Instant.parse("2025-06-15T12:00:00.123Z"));
        Map<String, Object> empty = TestSchema.requiredValues("r2");
        driver.write(table, TestSchema.schema(), List.of(row, empty));
        List<FieldValueList> rows = emulator.query("SELECT id, user_id, UNIX_MILLIS(timestamp), is_active, score,"
                + " items, rating, ARRAY_LENGTH(tags), metrics[OFFSET(1)], properties[OFFSET(0)].value,"
                + " CAST(created_date AS STRING), ARRAY_LENGTH(properties) FROM d8a." + table + " ORDER BY id");
        assertEquals(2, rows.size());
        FieldValueList r = rows.get(0);
        assertEquals("r1", r.get(0).getStringValue());
        assertEquals(7L, r.get(1).getLongValue());
        assertEquals(Instant.parse("2025-06-15T12:00:00.123Z").toEpochMilli(), r.get(2).getLongValue());
        assertEquals(true, r.get(3).getBooleanValue());
        assertEquals(1.5, r.get(4).getDoubleValue());
        assertEquals(2L, r.get(5).getLongValue());
        assertEquals(4.5, r.get(6).getDoubleValue());
        assertEquals(2L, r.get(7).getLongValue());
        assertEquals(2.5, r.get(8).getDoubleValue());
        assertEquals("v", r.get(9).getStringValue());
        assertEquals("2025-06-15", r.get(10).getStringValue());
        FieldValueList nulls = rows.get(1);
        assertTrue(nulls.get(2).isNull());
        assertEquals(0L, nulls.get(7).getLongValue());
        assertTrue(nulls.get(10).isNull());
        assertEquals(0L, nulls.get(11).getLongValue());
    }

    @Test
    void aChunkLargerThanOneAppendIsWrittenWholeOnce() throws Exception {
        String table = "pending_large";
        pending.createTable(table, TestSchema.schema());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            rows.add(TestSchema.fullRow("r" + i));
        }
        pending.write(table, TestSchema.schema(), rows);
        FieldValueList counts = emulator.query("SELECT COUNT(*), COUNT(DISTINCT id) FROM d8a." + table).get(0);
        assertEquals(1_234L, counts.get(0).getLongValue());
        assertEquals(1_234L, counts.get(1).getLongValue());
    }

    @Test
    void aValueOfTheWrongTypeNamesItsColumnAndValueAndWritesNothing() throws Exception {
        String table = "pending_bad";
        pending.createTable(table, TestSchema.schema());
        Map<String, Object> bad = TestSchema.fullRow("r2");
        bad.put("user_id", "seven");
        WarehouseException e = assertThrows(RejectedRowsException.class,
                () -> pending.write(table, TestSchema.schema(), List.of(TestSchema.fullRow("r1"), bad)));
        assertEquals("column user_id, value \"seven\": expected int64-compatible type, got String", e.getMessage());
        assertEquals(0, emulator.query("SELECT id FROM d8a." + table).size());
    }

    @Test
    void aStagedChunkIsInvisibleUntilPublishedAndPublishingItAgainChangesNothing() throws Exception {
        String table = "pending_staged";
        pending.createTable(table, TestSchema.schema());
        String staging = pending.stage(table, TestSchema.schema(),
                List.of(TestSchema.fullRow("r1"), TestSchema.fullRow("r2")));
        assertTrue(staging.startsWith("projects/" + BigQueryEmulator.PROJECT + "/datasets/d8a/tables/" + table
                + "/streams/"), staging);
        assertEquals(0, emulator.query("SELECT id FROM d8a." + table).size());
        assertEquals(Publication.PUBLISHED, pending.publish(staging));
        assertEquals(List.of("r1", "r2"), ids(table));
        // What a delivery does after a crash between the commit and the spool's removal of the sessions.
        assertEquals(Publication.PUBLISHED, pending.publish(staging));
        assertEquals(List.of("r1", "r2"), ids(table));
    }

    @Test
    void aStreamStagedBeforeTheWriterTypeChangedIsStillPublished() throws Exception {
        String table = "pending_then_loadjob";
        pending.createTable(table, TestSchema.schema());
        String staging = pending.stage(table, TestSchema.schema(), List.of(TestSchema.fullRow("r1")));
        try (BigQueryDriver loadjob = BigQueryClients.driver(emulator.settings(Map.of()))) {
            assertEquals(Publication.PUBLISHED, loadjob.publish(staging));
            assertEquals(Publication.PUBLISHED, loadjob.publish(staging));
        }
        assertEquals(List.of("r1"), ids(table));
    }

    @Test
    void aStagedWriteBigQueryDoesNotHoldIsGone() throws Exception {
        String table = "pending_gone";
        pending.createTable(table, TestSchema.schema());
        assertEquals(Publication.GONE, pending.publish("projects/" + BigQueryEmulator.PROJECT + "/datasets/d8a/tables/"
                + table + "/streams/never-created"));
    }

    @Test
    void aCommittedStreamCannotHoldRowsBackSoStagingWritesThem() throws Exception {
        String table = "committed_staged";
        committed.createTable(table, TestSchema.schema());
        assertNull(committed.stage(table, TestSchema.schema(), List.of(TestSchema.fullRow("r1"))));
        assertEquals(List.of("r1"), ids(table));
    }

    private static List<String> ids(String table) throws Exception {
        return emulator.query("SELECT id FROM d8a." + table + " ORDER BY id").stream()
                .map(row -> row.get(0).getStringValue()).toList();
    }

    @Test
    void writingToAMissingTableFails() {
        WarehouseException e = assertThrows(WarehouseException.class,
                () -> pending.write("no_such_table", TestSchema.schema(), List.of(TestSchema.fullRow("r1"))));
        assertTrue(e.getMessage().startsWith("error streaming rows to d8a.no_such_table: "), e.getMessage());
    }
}
