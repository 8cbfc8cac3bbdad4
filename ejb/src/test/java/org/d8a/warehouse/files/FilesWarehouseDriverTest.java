package org.d8a.warehouse.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.Blob;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.columns.ColumnFields;
import org.d8a.config.TestConfig;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.files.schema.SchemaFingerprint;
import org.d8a.warehouse.files.segment.SimulatedTransactions;
import org.d8a.warehouse.files.upload.GcsEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver as the delivery uses it: writes staged with the transaction, one file per sealed segment. */
class FilesWarehouseDriverTest {

    private static final Schema SCHEMA = new Schema(List.of(
            ColumnFields.field("id", ColumnFields.UTF8).notNull().describedAs("id"),
            ColumnFields.field("value", ColumnFields.FLOAT64).describedAs("value")));

    @TempDir
    Path dir;

    private final SimulatedTransactions tx = new SimulatedTransactions();
    private final FilesWarehouseDriver driver = new FilesWarehouseDriver();
    private FilesWarehouse warehouse;

    @BeforeEach
    void assemble() {
        warehouse = new FilesWarehouse();
        warehouse.config = TestConfig.of(Map.of(
                "warehouse.files.filesystem.path", dir.resolve("dest").toString(),
                "storage.spool_directory", dir.resolve("spool").toString(),
                "warehouse.files.path_template", "{{.Table}}/{{.Schema}}/{{.SegmentID}}.{{.Extension}}"));
        warehouse.ledger = tx;
        warehouse.afterCommit = tx;
        warehouse.assemble();
        driver.warehouse = warehouse;
    }

    @Test
    void committedWritesBecomeOneFileAndARolledBackOneNothing() throws Exception {
        driver.createTable("events", SCHEMA);
        assertEquals(List.of(), driver.missingColumns("events", SCHEMA));
        driver.write("events", SCHEMA, List.of(Map.of("id", "a", "value", 1.0)));
        tx.commit();
        driver.write("events", SCHEMA, List.of(Map.of("id", "lost", "value", 2.0)));
        tx.rollback();
        driver.write("events", SCHEMA, List.of(Map.of("id", "b")));
        tx.commit();

        warehouse.segments().sealAll();
        tx.commit();
        assertEquals(1, warehouse.uploads().uploadSealed());

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("dest"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertEquals(1, files.size());
        assertTrue(files.get(0).startsWith(dir.resolve("dest/events/" + SchemaFingerprint.of(SCHEMA))), files.toString());
        assertEquals("id,value\na,1\nb,\n", Files.readString(files.get(0)));
        assertTrue(Files.exists(dir.resolve("spool/warehouse/files/schemas/" + SchemaFingerprint.of(SCHEMA) + ".json")));
    }

    @Test
    void withStorageGcsEachSealedSegmentBecomesOneObjectInTheBucket() throws Exception {
        try (GcsEmulator emulator = GcsEmulator.start()) {
            emulator.createBucket("events-bucket");
            FilesWarehouse gcs = new FilesWarehouse();
            gcs.config = TestConfig.of(Map.of("warehouse.files.storage", "gcs",
                    "warehouse.files.gcs.bucket", "events-bucket", "warehouse.files.gcs.endpoint", emulator.endpoint(),
                    "warehouse.files.prefix", "d8a", "storage.spool_directory", dir.resolve("gcs-spool").toString(),
                    "warehouse.files.path_template", "{{.Table}}/{{.Schema}}/{{.SegmentID}}.{{.Extension}}"));
            gcs.ledger = tx;
            gcs.afterCommit = tx;
            gcs.assemble();
            driver.warehouse = gcs;
            try {
                driver.write("events", SCHEMA, List.of(Map.of("id", "a", "value", 1.0), Map.of("id", "b")));
                tx.commit();
                gcs.segments().sealAll();
                tx.commit();
                assertEquals(1, gcs.uploads().uploadSealed());
            } finally {
                gcs.release();
            }
            List<Blob> objects = StreamSupport.stream(emulator.client().list("events-bucket").iterateAll()
                    .spliterator(), false).toList();
            assertEquals(1, objects.size());
            assertTrue(objects.get(0).getName().startsWith("d8a/events/" + SchemaFingerprint.of(SCHEMA) + "/"),
                    objects.get(0).getName());
            assertEquals("id,value\na,1\nb,\n", new String(objects.get(0).getContent(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aValueTheStagingCannotHoldFailsTheWrite() {
        WarehouseException refused = assertThrows(WarehouseException.class,
                () -> driver.write("events", SCHEMA, List.of(Map.of("id", new StringBuilder("x")))));
        assertTrue(refused.getMessage().contains("cannot store a java.lang.StringBuilder"), refused.getMessage());
    }
}
