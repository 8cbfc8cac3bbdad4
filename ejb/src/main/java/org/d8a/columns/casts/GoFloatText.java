package org.d8a.columns.casts;

import java.math.BigDecimal;

/**
 * Floats as Go's {@code %v} / {@code %g} prints them: shortest digits, exponent form when the exponent is below -4 or
 * at least 6 ({@code 1.234567e+06}). The files warehouse writes floats inside lists this way, and the Matomo protocol
 * a numeric SKU of {@code ec_items}.
 */
public final class GoFloatText {

    private GoFloatText() {
    }

    public static String of(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        return layout(new BigDecimal(Double.toString(value)).stripTrailingZeros(), value < 0);
    }

    /** A float32: its own shortest digits, otherwise as {@link #of(double)}. */
    public static String of(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value) || value == 0) {
            return of((double) value);
        }
        return layout(new BigDecimal(Float.toString(value)).stripTrailingZeros(), value < 0);
    }

    private static String layout(BigDecimal shortest, boolean negative) {
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = shortest.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (negative ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        return shortest.toPlainString();
    }
}
