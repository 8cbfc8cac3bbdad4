package org.d8a.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An outage of the warehouse is one warning however many attempts it refuses, and one line when it ends. */
class DeliveryOutageTest {

    private final Logger logger = Logger.getLogger(DeliveryOutage.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    @Test
    void refusalsAreLoggedOncePerOutage() {
        DeliveryOutage outage = new DeliveryOutage();
        outage.delivered();
        for (int attempt = 0; attempt < 3; attempt++) {
            outage.refused(10, "cannot stage 10 rows: No space left on device");
        }
        outage.delivered();
        outage.delivered();
        outage.refused(2, "connection refused");

        assertEquals(List.of(Level.WARNING, Level.INFO, Level.WARNING), logged.stream().map(LogRecord::getLevel)
                .toList());
        assertTrue(logged.get(0).getMessage().contains("10 sessions refused: cannot stage 10 rows: No space left"),
                logged.get(0).getMessage());
        assertTrue(logged.get(1).getMessage().startsWith("deliveries to the warehouse succeed again; 3 attempts"),
                logged.get(1).getMessage());
        assertTrue(logged.get(2).getMessage().contains("connection refused"), logged.get(2).getMessage());
    }

    @Test
    void anOutagePausesScheduledDeliveriesLongerAfterEachRefusalUntilADeliverySucceeds() {
        DeliveryOutage outage = new DeliveryOutage();
        long before = System.currentTimeMillis();
        assertFalse(outage.pausing(before), "no outage, no pause");
        assertFalse(outage.refusedSince(before));

        outage.refused(500, "cannot stage 500 rows");
        long first = System.currentTimeMillis();
        assertTrue(outage.refusedSince(before), "an execution started before the refusal stops");
        assertFalse(outage.refusedSince(first + 1), "one started after it does not");
        assertTrue(outage.pausing(first));
        assertFalse(outage.pausing(first + DeliveryOutage.FIRST_PAUSE_MILLIS + 1), "the first pause is a second");

        for (int refusal = 1; refusal < 10; refusal++) {
            outage.refused(500, "cannot stage 500 rows");
        }
        long last = System.currentTimeMillis();
        assertTrue(outage.pausing(last + DeliveryOutage.MAX_PAUSE_MILLIS - 1_000), "the pause has grown to its most");
        assertFalse(outage.pausing(last + DeliveryOutage.MAX_PAUSE_MILLIS + 1), "and no further");

        outage.delivered();
        assertFalse(outage.pausing(System.currentTimeMillis()), "a delivery ends the pause");
    }
}
