package org.d8a.enrich.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reference's banker's rounding in double arithmetic (spec §5 step 5, V37 {@code bankers_round}). */
class CurrencyRoundingTest {

    @Test
    void theReferenceVectors() {
        double[][] vectors = {
            {2.5, 0, 2.0}, {3.5, 0, 4.0}, {2.25, 1, 2.2}, {2.35, 1, 2.4}, {2.6, 0, 3.0}, {2.4, 0, 2.0},
            {1.235, 2, 1.24}, {1.125, 2, 1.12}};
        for (double[] vector : vectors) {
            assertEquals(vector[2], BankersRounding.round(vector[0], (int) vector[1]),
                    vector[0] + " to " + (int) vector[1] + " decimals");
        }
    }

    @Test
    void negativeAmountsAreTruncatedTowardZero() {
        assertEquals(-2.0, BankersRounding.round(-2.5, 0));
        assertEquals(-2.0, BankersRounding.round(-2.9, 0));
        assertEquals(-1.23, BankersRounding.round(-1.239, 2));
    }

    @Test
    void theDoubleProductDecidesNotTheDecimalText() {
        // 1.005 × 100 is 100.49999999999999 in doubles, below the half; 10.005 × 100 is 1000.5000000000001, above it
        assertEquals(1.0, BankersRounding.round(1.005, 2));
        assertEquals(10.01, BankersRounding.round(10.005, 2));
        assertEquals(2.68, BankersRounding.round(2.675, 2), "267.5 exactly: to the even 268");
        assertEquals(12.35, BankersRounding.round(12.345000001, 2));
    }
}
