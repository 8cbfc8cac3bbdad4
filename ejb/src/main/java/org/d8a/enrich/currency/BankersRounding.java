package org.d8a.enrich.currency;

/**
 * The reference's rounding of converted amounts (spec §5 step 5), in double arithmetic as it does it, not
 * {@link java.math.BigDecimal}: an exact half goes to the even neighbour, a remainder above it rounds up, and since
 * the floor is a truncation toward zero, negative amounts are truncated.
 */
final class BankersRounding {

    private BankersRounding() {
    }

    static double round(double value, int precision) {
        double scale = Math.pow(10, precision);
        double scaled = value * scale;
        double floor = (double) (long) scaled;
        double remainder = scaled - floor;
        double rounded;
        if (remainder == 0.5) {
            rounded = floor % 2 == 0 ? floor : floor + 1;
        } else if (remainder >= 0.5) {
            rounded = floor + 1;
        } else {
            rounded = floor;
        }
        return rounded / scale;
    }
}
