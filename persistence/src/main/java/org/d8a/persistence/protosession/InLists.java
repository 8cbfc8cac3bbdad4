package org.d8a.persistence.protosession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits the values of an {@code in (...)} list into chunks a database takes in one statement: PostgreSQL's JDBC
 * driver binds at most 32 767 parameters, and long lists make H2 plan slowly.
 */
final class InLists {

    static final int CHUNK = 500;

    private InLists() {
    }

    static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    static List<String> sorted(Collection<String> values) {
        return values.stream().distinct().sorted().toList();
    }
}
