package org.d8a.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
