package org.d8a.web.collect;

/** Canonical MIME header names ({@code user-agent} → {@code User-Agent}), as the reference stores them. */
final class HeaderNames {

    private HeaderNames() {
    }

    static String canonical(String name) {
        StringBuilder canonical = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            canonical.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return canonical.toString();
    }
}
