package org.d8a.columns.casts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CastsTest {

    @Test
    void strMapsEmptyToNullAndCutsAtTheByteLimitWithoutSplittingACharacter() {
        assertNull(Casts.str(""));
        assertEquals("abc", Casts.str("abc"));
        assertEquals(8096, Casts.str("x".repeat(9000)).length());
        String cut = Casts.str("x".repeat(8095) + "é");
        assertEquals(8095, cut.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void int64AcceptsWhatGoParseIntAccepts() {
        assertEquals(42L, Casts.int64("42"));
        assertEquals(-7L, Casts.int64("-7"));
        assertEquals(7L, Casts.int64("+7"));
        assertNull(Casts.int64(""));
        assertNull(Casts.int64("5.0"));
        assertNull(Casts.int64(" 5"));
        assertNull(Casts.int64("1_000"));
        assertNull(Casts.int64("9223372036854775808"));
        assertEquals(Long.MAX_VALUE, Casts.int64("9223372036854775807"));
    }

    @Test
    void float64AcceptsWhatGoParseFloatAccepts() {
        assertEquals(1.5, Casts.float64("1.5"));
        assertEquals(0.25, Casts.float64("0x1p-2"));
        assertEquals(1e3, Casts.float64("1E3"));
        assertEquals(5.0, Casts.float64("5."));
        assertEquals(0.5, Casts.float64(".5"));
        assertEquals(Double.POSITIVE_INFINITY, Casts.float64("Inf"));
        assertEquals(Double.POSITIVE_INFINITY, Casts.float64("+infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, Casts.float64("-Inf"));
        assertEquals(Double.NaN, Casts.float64("NaN"));
        assertNull(Casts.float64("+NaN"));
        assertNull(Casts.float64(""));
        assertNull(Casts.float64(" 1"));
        assertNull(Casts.float64("1d"));
        assertNull(Casts.float64("1e400"));
        assertNull(Casts.float64("0x1"));
        assertNull(Casts.float64("abc"));
    }

    @Test
    void boolAcceptsTheGoParseBoolLikeWords() {
        for (String yes : new String[] {"true", "YES", " y ", "on", "1", "t"}) {
            assertEquals(Boolean.TRUE, Casts.bool(yes), yes);
        }
        for (String no : new String[] {"false", "No", "n", "OFF", "0", "f"}) {
            assertEquals(Boolean.FALSE, Casts.bool(no), no);
        }
        assertNull(Casts.bool(""));
        assertNull(Casts.bool("2"));
    }
}
