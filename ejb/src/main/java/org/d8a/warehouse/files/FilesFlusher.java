package org.d8a.warehouse.files;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.warehouse.WarehouseSettings;

/**
 * The files warehouse's flush (spec/warehouses.md §4.3): every {@code warehouse.files.max_segment_age} all active
 * segments with rows are sealed and all sealed segments uploaded; once more when the application stops. The first
 * cycle, right after start, uploads what a previous run left sealed.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FilesFlusher {

    private static final Logger LOG = Logger.getLogger(FilesFlusher.class.getName());

    @Inject
    WarehouseSettings warehouses;

    @Inject
    FilesWarehouse warehouse;

    @EJB
    SegmentSealing sealing;

    @Resource
    TimerService timers;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        if (!warehouses.driver().equals("files")) {
            return;
        }
        long period = warehouse.settings().maxSegmentAge().toMillis();
        timers.createIntervalTimer(Math.min(period, 5000), period, new TimerConfig("d8a files warehouse flush", false));
    }

    @Timeout
    void tick() {
        cycle();
    }

    @PreDestroy
    void flushOnStop() {
        if (warehouses.driver().equals("files")) {
            cycle();
        }
    }

    /** Seal, then upload; a cycle still running when the next tick comes lets that tick pass. */
    void cycle() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            sealing.sealAll();
            int uploaded = warehouse.uploads().uploadSealed();
            if (uploaded > 0) {
                LOG.fine(() -> "files warehouse: " + uploaded + " segments uploaded");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "files warehouse flush failed; the next one retries", e);
        } finally {
            running.set(false);
        }
    }
}
