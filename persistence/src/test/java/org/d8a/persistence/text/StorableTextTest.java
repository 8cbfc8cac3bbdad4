package org.d8a.persistence.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    private final StorableText converter = new StorableText();

    @Test
    void plainTextIsStoredUnchanged() {
        String value = "1234567890.1700000000";
        assertSame(value, converter.convertToDatabaseColumn(value));
        assertSame(value, converter.convertToEntityAttribute(value));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }

    @Test
    void nulNeverReachesTheStoreAndReadsBackExactly() {
        for (String value : new String[] {"a\0b", "\0", "\0\0", "a\u0001b", "\u00010", "\u0001", "x\0\u0001\0y", "\u00011\0"}) {
            String stored = converter.convertToDatabaseColumn(value);
            assertTrue(stored.indexOf('\0') < 0, stored);
            assertEquals(value, converter.convertToEntityAttribute(stored));
        }
    }

    @Test
    void diagnosticTextKeepsItsLength() {
        assertEquals("bad \uFFFD value", StorableText.diagnostic("bad \0 value"));
        assertNull(StorableText.diagnostic(null));
    }
}
