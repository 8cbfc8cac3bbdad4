package org.d8a.protocol.matomo.columns;

import java.math.BigDecimal;

/**
 * A float64 as Go's {@code %g} prints it (shortest digits; exponent form when the exponent is below -4 or at least
 * 6, as {@code 1.234567e+06}): the reference writes a numeric SKU of {@code ec_items} this way.
 */
final class GoFloatText {

    private static final int SHORTEST_EXPONENT_LIMIT = 6;

    private GoFloatText() {
    }

    static String of(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= SHORTEST_EXPONENT_LIMIT) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exponentText = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentText;
        }
        return sign + decimal.abs().toPlainString();
    }
}
