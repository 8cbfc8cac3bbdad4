package org.d8a.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BodyLinesTest {

    @Test
    void countsLinesWithSomethingOnThem() {
        assertFalse(BodyLines.exceed("en=a\nen=b\nen=c", 3));
        assertTrue(BodyLines.exceed("en=a\nen=b\nen=c\nen=d", 3));
        assertFalse(BodyLines.exceed("en=a\r\n\r\n   \n\t\nen=b\r\nen=c\n\n", 3), "blank lines are skipped, as GA4 does");
        assertFalse(BodyLines.exceed("", 1));
        assertTrue(BodyLines.exceed("x", 0));
    }

    @Test
    void stopsAtTheLimit() {
        assertTrue(BodyLines.exceed("x\n".repeat(2_000_000), 1000));
        assertFalse(BodyLines.exceed("x\n".repeat(1000), 1000));
    }
}
