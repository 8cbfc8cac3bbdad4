package org.d8a.intake;

/**
 * Counts the non-blank lines of a body before any protocol parses it, so that a body of a million short lines is
 * refused for what it costs to scan it, not for what its parsed lines would hold in memory.
 */
final class BodyLines {

    private BodyLines() {
    }

    /** Whether {@code body} has more than {@code limit} lines holding anything but white space. */
    static boolean exceed(String body, int limit) {
        int lines = 0;
        boolean blank = true;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                blank = true;
            } else if (blank && !Character.isWhitespace(c)) {
                blank = false;
                if (++lines > limit) {
                    return true;
                }
            }
        }
        return false;
    }
}
