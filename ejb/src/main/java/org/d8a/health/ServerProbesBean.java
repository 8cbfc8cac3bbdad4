package org.d8a.health;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.d8a.health.checks.Probe;
import org.d8a.health.checks.ServerProbes;

/**
 * Runs the server's checks for the MicroProfile Health checks in the EAR's lib/ ({@code org.d8a.health.checks}),
 * which reach it through its local interface: they cannot see this module's classes, this module can see theirs.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServerProbesBean implements ServerProbes {

    @Inject
    TimingWheelCheck timingWheel;

    @Inject
    DatabaseCheck database;

    @Inject
    HitsQueueCheck hitsQueue;

    @Inject
    WarehouseCheck warehouse;

    @Inject
    SpoolCheck spool;

    @Override
    public Probe probe(String name) {
        return switch (name) {
            case TIMING_WHEEL -> timingWheel.call();
            case DATABASE -> database.call();
            case HITS_QUEUE -> hitsQueue.call();
            case WAREHOUSE -> warehouse.call();
            case SPOOL -> spool.call();
            default -> throw new IllegalArgumentException("no health check named " + name);
        };
    }
}
