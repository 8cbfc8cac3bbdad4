package org.d8a.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.routing.Warehouses;
import org.d8a.warehouse.schema.IncompatibleTables;

/**
 * Delivers closed sessions of one property (their hits, as stored): the {@link RowBuilder} makes their rows with the
 * property's current columns, splitter and traffic filter, and the rows are written to the property's warehouse table,
 * in the caller's transaction. Events and sessions broken by a column are kept in the {@code dropped_data} table with
 * the reason, in the same transaction.
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

    /**
     * @param sessionPayloads each session's hits in session order, as encoded by the hit codec
     */
    public void deliver(String propertyId, List<String> sessionPayloads)
            throws WarehouseException, RetryableColumnException {
        incompatibleTables.checkWritable(propertyId);
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
        List<Map<String, Object>> rows = builder.rows(sessions);
        try {
            warehouses.driver().write(warehouses.tableOf(propertyId), columnSet.tableSchema(), rows);
        } catch (WarehouseException | RuntimeException e) {
            metrics.rowsFailed(warehouses.driverName(), rows.size());
            throw e;
        }
        metrics.rowsDelivered(warehouses.driverName(), rows.size(), builder.extraParts());
        long now = System.currentTimeMillis();
        for (Dropped dropped : builder.dropped()) {
            spool.addDropped(new DroppedData(propertyId, dropped.kind(), dropped.reason(), now,
                    HitCodec.encodeAll(dropped.hits())));
        }
    }
}
