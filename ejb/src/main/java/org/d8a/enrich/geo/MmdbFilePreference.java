package org.d8a.enrich.geo;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code .mmdb} file of the directory is used (spec §6.2, vectors V36): names with a {@code YYYY-MM} version
 * come first, the highest version first; then the names without one, the lexicographically greatest first. The whole
 * order, not only the winner, is kept so that a file that cannot be opened gives way to the next one.
 */
final class MmdbFilePreference {

    private static final Pattern VERSION = Pattern.compile("(\\d{4})-(\\d{2})");

    /** Versioned before unversioned, higher year-month first, and among equals the greater name first. */
    private static final Comparator<String> BEST_FIRST = Comparator
            .comparing((String name) -> version(name).isEmpty())
            .thenComparing(name -> version(name).orElse(0), Comparator.reverseOrder())
            .thenComparing(Comparator.reverseOrder());

    private MmdbFilePreference() {
    }

    /** The {@code .mmdb} names among {@code names}, best first; other names are left out. */
    static List<String> bestFirst(Collection<String> names) {
        return names.stream().filter(name -> name.endsWith(".mmdb")).sorted(BEST_FIRST).toList();
    }

    /** The file the reference would choose; empty when there is no {@code .mmdb} name. */
    static Optional<String> best(Collection<String> names) {
        return bestFirst(names).stream().findFirst();
    }

    /** The first {@code YYYY-MM} in the name as one comparable number, year * 100 + month. */
    private static Optional<Integer> version(String name) {
        Matcher matcher = VERSION.matcher(name);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(matcher.group(1)) * 100 + Integer.parseInt(matcher.group(2)));
    }
}
