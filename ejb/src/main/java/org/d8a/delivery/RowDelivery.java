package org.d8a.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.catalog.ColumnCatalog;
import org.d8a.columns.ColumnSet;
import org.d8a.columns.RetryableColumnException;
import org.d8a.filters.TrafficFilters;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;
import org.d8a.metrics.PipelineMetrics;
import org.d8a.persistence.spool.DroppedData;
import org.d8a.persistence.spool.SpoolRepository;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.rows.Dropped;
import org.d8a.rows.RowBuilder;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;
import org.d8a.warehouse.WarehouseDriver;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.routing.Warehouses;
import org.d8a.warehouse.schema.IncompatibleTables;

/**
 * Delivers closed sessions of one property (their hits, as stored): the {@link RowBuilder} makes their rows with the
 * property's current columns, splitter and traffic filter, and the rows are written to the property's warehouse table,
 * in the caller's transaction. Events and sessions broken by a column are kept in the {@code dropped_data} table with
 * the reason, and the sessions are published to the sessions topic when one is configured, in the same transaction.
 */
@ApplicationScoped
public class RowDelivery {

    @Inject
    PropertyRegistry properties;

    @Inject
    ColumnCatalog columns;

    @Inject
    TrafficFilters filters;

    @Inject
    Warehouses warehouses;

    @Inject
    SpoolRepository spool;

    @Inject
    IncompatibleTables incompatibleTables;

    @Inject
    PipelineMetrics metrics;

    @Inject
    SessionTopicPublisher sessionsTopic;

    /**
     * Writes the sessions' rows.
     *
     * @param sessionPayloads each session's hits in session order, as encoded by the hit codec
     */
    public void deliver(String propertyId, List<String> sessionPayloads)
            throws WarehouseException, RetryableColumnException {
        write(propertyId, sessionPayloads, false);
    }

    /**
     * Writes the sessions' rows staged where the warehouse can hold them back ({@link WarehouseDriver#stage}).
     *
     * @return the staged write, for the caller to publish once its transaction committed; {@code null} when the rows
     *     are written already
     */
    public String stage(String propertyId, List<String> sessionPayloads)
            throws WarehouseException, RetryableColumnException {
        return write(propertyId, sessionPayloads, true);
    }

    /**
     * Publishes the sessions to the sessions topic only: their rows are in the warehouse already, written by a staged
     * write that was published since ({@link StagedWritePublisher}). The rows are made again from the stored hits, as
     * they were for the warehouse.
     */
    public void announce(String propertyId, List<String> sessionPayloads) {
        if (!sessionsTopic.enabled()) {
            return;
        }
        Built built;
        try {
            built = build(propertyId, sessionPayloads);
        } catch (RetryableColumnException e) {
            // Unchecked, so that the caller's transaction rolls back: the sessions stay and are announced again.
            throw new IllegalStateException("the rows of published sessions of property " + propertyId
                    + " cannot be made again for the sessions topic now: " + e.getMessage(), e);
        }
        sessionsTopic.publish(propertyId, warehouses.tableOf(propertyId), built.columns().tableSchema(), built.rows());
    }

    private String write(String propertyId, List<String> sessionPayloads, boolean staged)
            throws WarehouseException, RetryableColumnException {
        incompatibleTables.checkWritable(propertyId);
        Built built = build(propertyId, sessionPayloads);
        List<Map<String, Object>> rows = built.rows();
        Schema schema = built.columns().tableSchema();
        WarehouseDriver driver = warehouses.driver();
        String table = warehouses.tableOf(propertyId);
        String staging = null;
        try {
            if (staged) {
                staging = driver.stage(table, schema, rows);
            } else {
                driver.write(table, schema, rows);
            }
        } catch (WarehouseException | RuntimeException e) {
            metrics.rowsFailed(warehouses.driverName(), rows.size());
            throw e;
        }
        metrics.rowsDelivered(warehouses.driverName(), rows.size(), built.builder().extraParts());
        long now = System.currentTimeMillis();
        for (Dropped dropped : built.builder().dropped()) {
            spool.addDropped(new DroppedData(propertyId, dropped.kind(), dropped.reason(), now,
                    HitCodec.encodeAll(dropped.hits())));
        }
        if (staging == null) {
            sessionsTopic.publish(propertyId, table, schema, rows);
        }
        return staging;
    }

    private Built build(String propertyId, List<String> sessionPayloads) throws RetryableColumnException {
        PropertySettings property = properties.byId(propertyId);
        List<Session> sessions = new ArrayList<>(sessionPayloads.size());
        for (String payload : sessionPayloads) {
            List<Event> events = new ArrayList<>();
            for (Hit hit : HitCodec.decodeAll(payload)) {
                events.add(new Event(hit, property));
            }
            sessions.add(new Session(property, events));
        }
        ColumnSet columnSet = columns.forProperty(propertyId);
        RowBuilder builder = new RowBuilder(columnSet, filters.of(property));
        return new Built(columnSet, builder, builder.rows(sessions));
    }

    /** The sessions' rows, with the columns and the builder that made them (it knows what it dropped). */
    private record Built(ColumnSet columns, RowBuilder builder, List<Map<String, Object>> rows) {
    }
}
