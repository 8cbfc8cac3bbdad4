package org.d8a.enrich.attribution;

import java.util.Locale;

/**
 * The reference's clean-up of the three values (spec §3.3 step 2), which makes list names and UTM input alike:
 * lower case, spaces as {@code -}, the URL delimiters {@code / \ ? & = #} removed, surrounding white space trimmed.
 * Percent escapes and other punctuation stay ({@code Google%2B} is {@code google%2b}, {@code Yahoo!} is
 * {@code yahoo!}).
 */
final class Normalisation {

    private Normalisation() {
    }

    static TrafficSource of(TrafficSource source) {
        return new TrafficSource(value(source.source()), value(source.medium()), value(source.term()));
    }

    static String value(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).replace(' ', '-').toCharArray()) {
            if ("/\\?&=#".indexOf(c) < 0) {
                kept.append(c);
            }
        }
        return kept.toString().strip();
    }
}
