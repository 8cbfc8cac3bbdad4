package org.d8a.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.d8a.warehouse.RejectedRowsException;
import org.d8a.warehouse.WarehouseException;
import org.junit.jupiter.api.Test;

class ChunkDeliveryTest {

    private final List<Long> delivered = new ArrayList<>();
    private final Map<List<Long>, String> failures = new LinkedHashMap<>();
    private int attempts;

    /** A failure as the test keeps it: a refusal of the whole chunk is marked so. */
    private void record(List<Long> ids, String error, boolean refused) {
        failures.put(List.copyOf(ids), (refused ? "refused: " : "") + error);
    }

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void aSessionThatBreaksItsChunkIsIsolatedAndTheOthersAreDelivered() {
        ChunkDelivery chunk = new ChunkDelivery(ids -> {
            attempts++;
            if (ids.contains(7L)) {
                throw new EJBException(new IllegalStateException("payload of session 7 cannot be decoded"));
            }
            delivered.addAll(ids);
        }, this::record);

        assertEquals(1, chunk.deliver(ids(1, 10)));

        assertEquals(ids(1, 10).stream().filter(id -> id != 7).toList(), delivered.stream().sorted().toList());
        assertEquals(Map.of(List.of(7L), "IllegalStateException: payload of session 7 cannot be decoded"), failures);
        // 1-10 fails; 1-5 is delivered; 6-10 fails; 6-7 fails; 6 is delivered; 7 fails alone; 8-10 is delivered
        assertEquals(7, attempts);
    }

    @Test
    void rowsTheWarehouseRejectsIsolateTheirSessionWithTheWarehousesMessage() {
        ChunkDelivery chunk = new ChunkDelivery(ids -> {
            attempts++;
            if (ids.contains(3L)) {
                throw new RejectedRowsException("column params, value NaN: float value NaN cannot be written as JSON");
            }
            delivered.addAll(ids);
        }, this::record);

        assertEquals(1, chunk.deliver(ids(1, 4)));

        assertEquals(List.of(1L, 2L, 4L), delivered.stream().sorted().toList());
        assertEquals(Map.of(List.of(3L), "column params, value NaN: float value NaN cannot be written as JSON"),
                failures);
        // 1-4 fails; 1-2 is delivered; 3-4 fails; 3 fails alone; 4 is delivered
        assertEquals(5, attempts);
    }

    @Test
    void aWarehouseRefusalFailsTheWholeChunkOnceWithoutSplitting() {
        ChunkDelivery chunk = new ChunkDelivery(ids -> {
            attempts++;
            throw new WarehouseException("cannot write 10 rows: disk full");
        }, this::record);

        assertEquals(10, chunk.deliver(ids(1, 10)));

        assertEquals(1, attempts);
        assertEquals(Map.of(ids(1, 10), "refused: cannot write 10 rows: disk full"), failures);
    }

    @Test
    void aDeliveredChunkRecordsNoFailure() {
        ChunkDelivery chunk = new ChunkDelivery(delivered::addAll, this::record);

        assertEquals(0, chunk.deliver(ids(1, 3)));

        assertEquals(ids(1, 3), delivered);
        assertEquals(Map.of(), failures);
    }
}
