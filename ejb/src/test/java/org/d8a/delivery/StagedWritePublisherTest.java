package org.d8a.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.Publication;
import org.d8a.warehouse.WarehouseDriver;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.noop.NoopDriver;
import org.d8a.warehouse.routing.Warehouses;
import org.junit.jupiter.api.Test;

/** What becomes of each staged write's sessions: forgotten once published, back in line when gone, kept on an error. */
class StagedWritePublisherTest {

    private final List<String> events = new ArrayList<>();

    /** The spool's side, in memory: staged writes and how many sessions each holds. */
    private final Map<String, Integer> staged = new LinkedHashMap<>();

    private final SpoolDelivery spool = new SpoolDelivery() {
        @Override
        public List<String> stagings() {
            return List.copyOf(staged.keySet());
        }

        @Override
        public int forgetPublished(String staging) {
            events.add("forget " + staging);
            return staged.remove(staging);
        }

        @Override
        public int unstage(String staging) {
            events.add("unstage " + staging);
            return staged.remove(staging);
        }

        @Override
        public void recordPublicationFailure(String staging, String error) {
            events.add("failure " + staging + ": " + error);
        }
    };

    private StagedWritePublisher publisher(WarehouseDriver driver) {
        StagedWritePublisher publisher = new StagedWritePublisher();
        publisher.spool = spool;
        publisher.warehouses = new Warehouses() {
            @Override
            public WarehouseDriver driver() {
                return driver;
            }
        };
        return publisher;
    }

    /** Publishes {@code published}, no longer holds {@code gone}, cannot be reached for anything else. */
    private static WarehouseDriver warehouse(String published, String gone) {
        return new NoopDriver() {
            @Override
            public Publication publish(String staging) throws WarehouseException {
                if (staging.equals(published)) {
                    return Publication.PUBLISHED;
                }
                if (staging.equals(gone)) {
                    return Publication.GONE;
                }
                throw new WarehouseException("error committing stream " + staging + ": UNAVAILABLE");
            }
        };
    }

    @Test
    void publishedSessionsLeaveTheSpoolGoneOnesAreDeliveredAgainAndAnErrorKeepsThemStaged() {
        staged.put("s1", 3);
        staged.put("s2", 2);
        staged.put("s3", 4);

        assertEquals(3, publisher(warehouse("s1", "s2")).publishAll());

        assertEquals(List.of("forget s1", "unstage s2", "failure s3: error committing stream s3: UNAVAILABLE"),
                events);
        assertEquals(Map.of("s3", 4), staged);
    }

    @Test
    void aDriverThatStagesNothingHoldsNothingSoItsSessionsAreDeliveredAgain() throws Exception {
        staged.put("projects/p/datasets/d/tables/t/streams/s", 5);
        NoopDriver files = new NoopDriver();

        assertEquals(0, publisher(files).publishAll());

        assertEquals(List.of("unstage projects/p/datasets/d/tables/t/streams/s"), events);
        assertEquals(null, files.stage("t", new Schema(List.of()), List.of()));
    }
}
