package org.d8a.delivery;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.columns.ColumnCatalog;
import org.d8a.columns.ColumnSet;
import org.d8a.columns.RetryableColumnException;
import org.d8a.delivery.spool.SpoolRepository;
import org.d8a.delivery.spool.SpooledSession;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;
import org.d8a.sessions.writer.SessionWriter;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.Warehouses;

/**
 * Delivers the oldest spooled sessions: computes their rows and writes them to each property's warehouse, removing
 * them from the spool in the same transaction that records the write. A failure leaves them spooled for a later try.
 */
@Stateless
public class SpoolDrainer {

    @Inject
    SpoolRepository spool;

    @Inject
    PropertyRegistry properties;

    @Inject
    ColumnCatalog columns;

    @Inject
    Warehouses warehouses;

    /**
     * @return the number of sessions delivered
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deliverOldest(int limit) throws WarehouseException, RetryableColumnException {
        List<SpooledSession> spooled = spool.oldest(limit);
        Map<String, List<Session>> byProperty = new LinkedHashMap<>();
        for (SpooledSession entry : spooled) {
            PropertySettings property = properties.byId(entry.getPropertyId());
            List<Event> events = new ArrayList<>();
            for (Hit hit : HitCodec.decodeAll(entry.getPayload())) {
                events.add(new Event(hit, property));
            }
            byProperty.computeIfAbsent(entry.getPropertyId(), p -> new ArrayList<>()).add(new Session(property, events));
        }
        for (Map.Entry<String, List<Session>> property : byProperty.entrySet()) {
            ColumnSet columnSet = columns.forProperty(property.getKey());
            List<Map<String, Object>> rows = new SessionWriter(columnSet).rows(property.getValue());
            warehouses.forProperty(property.getKey()).write(warehouses.table(), columnSet.tableSchema(), rows);
        }
        if (!spooled.isEmpty()) {
            spool.removeAll(spooled.stream().map(SpooledSession::getId).toList());
        }
        return spooled.size();
    }
}
