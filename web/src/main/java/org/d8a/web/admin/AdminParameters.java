package org.d8a.web.admin;

import jakarta.ws.rs.BadRequestException;

/**
 * Query parameters of the admin calls, parsed strictly: JAX-RS would answer 404 for a number it cannot parse and
 * take any word but {@code true} as false; an operator's typo must get a 400 that names the parameter instead.
 */
final class AdminParameters {

    private AdminParameters() {
    }

    /** A whole number of at least 1, or null when absent. */
    static Integer positiveInt(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(name + " must be a whole number of at least 1, not '" + value + "'");
    }

    /** {@code true} or {@code false}; false when absent. */
    static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new BadRequestException(name + " must be true or false, not '" + value + "'");
    }
}
