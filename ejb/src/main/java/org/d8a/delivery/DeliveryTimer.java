package org.d8a.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.columns.ColumnCatalog;
import org.d8a.warehouse.Warehouses;

/**
 * Drains the persistent spool into the warehouse every second, batch after batch until it is empty. Starting it at
 * deployment also checks the column set and the warehouse selection, so a bad configuration stops the deployment.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryTimer {

    private static final Logger LOG = Logger.getLogger(DeliveryTimer.class.getName());
    private static final int SESSIONS_PER_BATCH = 500;

    @EJB
    SpoolDrainer drainer;

    @Inject
    ColumnCatalog columns;

    @Inject
    Warehouses warehouses;

    private final AtomicBoolean delivering = new AtomicBoolean();

    @PostConstruct
    void checkConfiguration() {
        columns.forProperty(null);
        warehouses.forProperty(null);
    }

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "d8a spool delivery")
    public void deliver() {
        if (!delivering.compareAndSet(false, true)) {
            return;
        }
        try {
            int delivered;
            do {
                delivered = drainer.deliverOldest(SESSIONS_PER_BATCH);
            } while (delivered == SESSIONS_PER_BATCH);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "delivering spooled sessions failed; they stay spooled and are retried", e);
        } finally {
            delivering.set(false);
        }
    }
}
