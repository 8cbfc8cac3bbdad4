package org.d8a.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.d8a.hits.Isolation;
import org.junit.jupiter.api.Test;

/** The partition function of architecture decision 2: first 32 bits of the isolated client id, modulo the count. */
class PartitionsTest {

    @Test
    void partitionIsStableAndInRange() {
        String id = Isolation.isolatedClientId("default", "c1");
        assertEquals(Partitions.group(id, 64), Partitions.group(id, 64));
        for (int i = 0; i < 500; i++) {
            int n = Integer.parseInt(Partitions.group(Isolation.isolatedClientId("p", "c" + i), 64).substring(1));
            assertTrue(n >= 0 && n < 64);
        }
        assertEquals("p" + (0xba7816bfL % 64), Partitions.group("ba7816bf8f01", 64));
    }
}
