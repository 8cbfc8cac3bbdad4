package org.d8a.warehouse.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.SchemalessDriver;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.files.schema.SchemaFingerprint;
import org.d8a.warehouse.files.schema.StreamKey;
import org.d8a.warehouse.files.segment.FrameCodec;

/**
 * The files warehouse (spec/warehouses.md §4): a write appends its rows as one frame to the segment of its stream
 * (table and schema fingerprint), durably and exactly once within the delivery transaction; {@link FilesFlusher}
 * seals segments and uploads each as one CSV or Parquet file. There is no table to create: a change of columns is a
 * new fingerprint, so a new {@code schema=} path.
 */
@ApplicationScoped
public class FilesWarehouseDriver implements SchemalessDriver {

    @Inject
    FilesWarehouse warehouse;

    /** Reads the configuration now, so that a wrong one fails the deployment. */
    public void validate() {
        warehouse.settings();
    }

    @Override
    public void write(String table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException {
        String fingerprint = SchemaFingerprint.of(schema);
        StreamKey key = StreamKey.of(table, fingerprint);
        try {
            warehouse.schemas().storeIfAbsent(fingerprint, schema);
            warehouse.segments().append(key, FrameCodec.encode(rows));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new WarehouseException("cannot stage " + rows.size() + " rows of " + key.stem() + " in "
                    + warehouse.segments().directory() + ": " + e.getMessage(), e);
        }
    }

    /** The flusher seals and uploads what is left when the application stops. */
    @Override
    public void close() {
    }
}
