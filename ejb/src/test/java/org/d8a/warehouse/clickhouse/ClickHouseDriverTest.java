package org.d8a.warehouse.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.ColumnAlreadyExistsException;
import org.d8a.warehouse.TableAlreadyExistsException;
import org.d8a.warehouse.TableNotFoundException;
import org.d8a.warehouse.TypeIncompatibleException;
import org.d8a.warehouse.WarehouseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference's shared driver suite (spec/warehouses.md §7, last paragraph, and vector 16) against a real ClickHouse
 * engine: chDB behind the HTTP adapter, through the official JDBC driver.
 */
class ClickHouseDriverTest {

    private static final Logger LOG = Logger.getLogger(ClickHouseDriverTest.class.getName());
    private static final AtomicInteger TABLES = new AtomicInteger();

    static ChdbServer server;
    static ClickHouseDriver driver;

    @BeforeAll
    static void start() throws Exception {
        server = ChdbServer.start();
        server.execute("CREATE DATABASE IF NOT EXISTS testdb");
        driver = testDriver(server.dataSource("testdb"));
        LOG.info(() -> {
            try {
                return "ClickHouse driver tests run against ClickHouse " + server.version() + " (chDB)";
            } catch (Exception e) {
                return "version unknown: " + e;
            }
        });
    }

    static ClickHouseDriver testDriver(javax.sql.DataSource dataSource) {
        return new ClickHouseDriver(dataSource, "testdb", new TableOptions("MergeTree()", "", List.of("tuple()"), 0),
                () -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
        server.close();
    }

    private static String table() {
        return "t" + TABLES.incrementAndGet() + "_" + System.nanoTime() % 100000;
    }

    @Test
    void creatingATableTwiceFailsWithTableAlreadyExists() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        TableAlreadyExistsException e = assertThrows(TableAlreadyExistsException.class,
                () -> driver.createTable(table, TestSchema.schema()));
        assertEquals("testdb." + table, e.tableName());
    }

    @Test
    void everyFieldIsMissingFromAOneColumnTable() throws Exception {
        String table = table();
        server.execute("CREATE TABLE testdb." + table + " (other String) ENGINE = MergeTree() ORDER BY tuple()");
        List<Field> missing = driver.missingColumns(table, TestSchema.schema());
        assertEquals(TestSchema.schema().getFields(), missing);
        assertEquals(14, missing.size());
    }

    @Test
    void aTableCreatedFromTheSchemaMissesNothing() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        assertEquals(List.of(), driver.missingColumns(table, TestSchema.schema()));
    }

    @Test
    void missingColumnsOfAnUnknownTableFailsWithTableNotFound() {
        TableNotFoundException e = assertThrows(TableNotFoundException.class,
                () -> driver.missingColumns("non_existent_table_xyz", TestSchema.schema()));
        assertEquals("table \"testdb.non_existent_table_xyz\" not found", e.getMessage());
    }

    @Test
    void anInt64ColumnDoesNotTakeAStringField() throws Exception {
        String table = table();
        driver.createTable(table, new Schema(List.of(TestSchema.notNull("id", TestSchema.INT64))));
        TypeIncompatibleException e = assertThrows(TypeIncompatibleException.class, () -> driver.missingColumns(
                table, new Schema(List.of(TestSchema.notNull("id", TestSchema.UTF8)))));
        assertEquals(1, e.incompatibilities().size());
        assertEquals("id", e.incompatibilities().get(0).columnName());
        assertEquals("id: type IDs differ - expected: INT64, actual: STRING", e.incompatibilities().get(0).detail());
    }

    @Test
    void addingAColumnTwiceFailsWithColumnAlreadyExists() throws Exception {
        String table = table();
        driver.createTable(table, new Schema(List.of(TestSchema.notNull("id", TestSchema.UTF8))));
        Field extra = Field.nullable("extra", TestSchema.INT64);
        driver.addColumn(table, extra);
        ColumnAlreadyExistsException e = assertThrows(ColumnAlreadyExistsException.class,
                () -> driver.addColumn(table, extra));
        assertEquals("column \"extra\" already exists in table \"testdb." + table + "\"", e.getMessage());
        assertEquals(List.of(), driver.missingColumns(table, new Schema(List.of(
                TestSchema.notNull("id", TestSchema.UTF8), extra))));
    }

    /** Vector 16: one incompatibility per mismatched column, the codec invisible. */
    @Test
    void incompatibleExistingColumnsAreAllReported() throws Exception {
        String table = table();
        server.execute("CREATE TABLE testdb." + table + " (test_column Int32, f Float32, s String, c String)"
                + " ENGINE = MergeTree() ORDER BY tuple()");
        TypeIncompatibleException one = assertThrows(TypeIncompatibleException.class, () -> driver.missingColumns(
                table, new Schema(List.of(TestSchema.notNull("test_column", TestSchema.INT64)))));
        assertEquals(1, one.incompatibilities().size());
        assertEquals("test_column", one.incompatibilities().get(0).columnName());
        assertEquals("testdb." + table, one.tableName());

        Field codec = TestSchema.withMetadata(TestSchema.notNull("c", TestSchema.UTF8),
                Map.of(org.d8a.columns.ColumnFields.CODEC, "CODEC(ZSTD)"));
        assertEquals(List.of(), driver.missingColumns(table, new Schema(List.of(codec))));

        TypeIncompatibleException three = assertThrows(TypeIncompatibleException.class, () -> driver.missingColumns(
                table, new Schema(List.of(TestSchema.notNull("test_column", TestSchema.INT64),
                        TestSchema.notNull("f", TestSchema.FLOAT64), TestSchema.notNull("s", TestSchema.INT32),
                        codec, Field.nullable("new_one", TestSchema.UTF8)))));
        assertEquals(List.of("test_column", "f", "s"), three.incompatibilities().stream()
                .map(TypeIncompatibleException.Incompatibility::columnName).toList());
        assertEquals("testdb." + table, three.tableName());
        assertTrue(three.getMessage().startsWith("table \"testdb." + table + "\" has 3 type incompatibilities:"),
                three.getMessage());
    }

    @Test
    void aColumnTypeD8aDoesNotCreateStopsTheComparisonNamingIt() throws Exception {
        String table = table();
        server.execute("CREATE TABLE testdb." + table + " (id String, n Nullable(String)) ENGINE = MergeTree() "
                + "ORDER BY tuple()");
        WarehouseException e = assertThrows(WarehouseException.class,
                () -> driver.missingColumns(table, TestSchema.schema()));
        assertEquals("table testdb." + table + ": column \"n\" of type Nullable(String) is not one d8a writes: "
                + "mapper \"clickhouse\" does not support Arrow type \"Nullable(String)\"", e.getMessage());
    }

    @Test
    void writingNoRowsSendsNothing() throws Exception {
        driver.write("never_created_table", TestSchema.schema(), List.of());
    }

    @Test
    void allNullOptionalValuesAreWrittenAsZeroValues() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        Map<String, Object> row = TestSchema.requiredValues("r1");
        for (String optional : List.of("timestamp", "tags", "metrics", "properties", "created_date")) {
            row.put(optional, null);
        }
        driver.write(table, TestSchema.schema(), List.of(row));
        assertEquals(List.of("r1\t1970-01-01 00:00:00\t[]\t[]\t[]\t1970-01-01"),
                select("SELECT id, timestamp, tags, metrics, toString(properties), created_date FROM testdb." + table));
    }

    @Test
    void nestedMapsWithMissingKeysGetZeroValues() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        Map<String, Object> row = TestSchema.fullRow("r1");
        row.put("properties", List.of(Map.of("key", "only_key"), Map.of("value", "only_value"), new HashMap<>()));
        driver.write(table, TestSchema.schema(), List.of(row));
        assertEquals(List.of("[('only_key',''),('','only_value'),('','')]"),
                select("SELECT toString(properties) FROM testdb." + table));
    }

    @Test
    void aMissingKeyOfARequiredColumnFailsAndOfAnOptionalOneIsANull() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        Map<String, Object> noScore = TestSchema.fullRow("r1");
        noScore.remove("score");
        WarehouseException e = assertThrows(WarehouseException.class,
                () -> driver.write(table, TestSchema.schema(), List.of(noScore)));
        assertEquals("missing value for column score", e.getMessage());

        Map<String, Object> noDate = TestSchema.fullRow("r2");
        noDate.remove("created_date");
        driver.write(table, TestSchema.schema(), List.of(noDate));
        assertEquals(List.of("r2\t1970-01-01"), select("SELECT id, created_date FROM testdb." + table));
    }

    @Test
    void aSingleEmptyRowFails() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        assertThrows(WarehouseException.class,
                () -> driver.write(table, TestSchema.schema(), List.of(new HashMap<>())));
    }

    @Test
    void valuesOfTheWrongTypeFailAndWriteNothing() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        Map<String, Object> score = TestSchema.fullRow("r1");
        score.put("score", "not_a_number");
        WarehouseException e = assertThrows(WarehouseException.class,
                () -> driver.write(table, TestSchema.schema(), List.of(TestSchema.fullRow("ok"), score)));
        assertEquals("error formatting value for column score: expected float64-compatible type, got String",
                e.getMessage());

        Map<String, Object> eventType = TestSchema.fullRow("r2");
        eventType.put("event_type", 42);
        e = assertThrows(WarehouseException.class,
                () -> driver.write(table, TestSchema.schema(), List.of(eventType)));
        assertEquals("error formatting value for column event_type: expected string, got Integer", e.getMessage());

        Map<String, Object> id = TestSchema.fullRow("r3");
        id.put("id", null);
        e = assertThrows(WarehouseException.class, () -> driver.write(table, TestSchema.schema(), List.of(id)));
        assertEquals("error formatting value for column id: null value for non-nullable column", e.getMessage());

        assertEquals(List.of(), select("SELECT id FROM testdb." + table));
    }

    @Test
    void aColumnAddedBehindTheDriversBackIsSeenAtTheNextWrite() throws Exception {
        String table = table();
        Schema before = new Schema(List.of(TestSchema.notNull("id", TestSchema.UTF8)));
        driver.createTable(table, before);
        driver.write(table, before, List.of(Map.of("id", "a")));
        // An operator's ALTER: the driver's cached columns are now stale.
        server.execute("ALTER TABLE testdb." + table + " ADD COLUMN extra Int64 DEFAULT 0");
        Schema after = new Schema(List.of(TestSchema.notNull("id", TestSchema.UTF8),
                Field.nullable("extra", TestSchema.INT64)));
        driver.write(table, after, List.of(Map.of("id", "b", "extra", 5L)));
        assertEquals(List.of("a\t0", "b\t5"), select("SELECT id, extra FROM testdb." + table + " ORDER BY id"));
    }

    @Test
    void aSchemaThatDoesNotMatchTheTableIsNotWritten() throws Exception {
        String table = table();
        driver.createTable(table, new Schema(List.of(TestSchema.notNull("id", TestSchema.UTF8))));
        Schema two = new Schema(List.of(TestSchema.notNull("id", TestSchema.UTF8),
                Field.nullable("extra", TestSchema.INT64)));
        WarehouseException count = assertThrows(WarehouseException.class,
                () -> driver.write(table, two, List.of(Map.of("id", "b"))));
        assertEquals("error sorting schema fields: column count mismatch: realFields has 1 columns, schemaFields "
                + "has 2 columns", count.getMessage());
        WarehouseException name = assertThrows(WarehouseException.class, () -> driver.write(table,
                new Schema(List.of(TestSchema.notNull("other", TestSchema.UTF8))), List.of(Map.of("other", "x"))));
        assertEquals("error sorting schema fields: column other not found in realFields", name.getMessage());
    }

    @Test
    void writingToAMissingTableFailsWithTableNotFound() {
        assertThrows(TableNotFoundException.class, () -> driver.write("no_such_table_abc", TestSchema.schema(),
                List.of(TestSchema.fullRow("x"))));
    }

    @Test
    void everyStatementCarriesTheSettings() throws Exception {
        String table = table();
        driver.createTable(table, TestSchema.schema());
        driver.addColumn(table, Field.nullable("added", TestSchema.UTF8));
        driver.missingColumns(table, TestSchema.schema());
        String log = server.requestLog();
        assertTrue(log.contains("CREATE TABLE `testdb`.`" + table + "`"), log);
        for (String line : log.split("\n")) {
            if (line.contains(table) && line.contains(" query ")) {
                assertTrue(line.contains("flatten_nested = 0, max_execution_time = 60"), line);
            }
        }
    }

    private static List<String> select(String sql) throws Exception {
        return server.select("testdb", sql);
    }
}
