package org.d8a.warehouse.clickhouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.d8a.warehouse.clickhouse.NestedTypeTokenizer.Kind;
import org.d8a.warehouse.clickhouse.NestedTypeTokenizer.Token;

/**
 * Reads the members of a {@code Nested(name Type, ...)} type text as {@code system.columns} reports it
 * (spec/warehouses.md §2.5).
 */
final class NestedTypeParser {

    /** @param type the member's type text, e.g. {@code Array(String)}, {@code Tuple(String, Int32)} */
    record Member(String name, String type) {
    }

    private NestedTypeParser() {
    }

    /**
     * @return empty when the text is not a Nested type; otherwise its members, none when the inside cannot be
     *         tokenized, and those read up to the first token that does not fit the grammar
     */
    static Optional<List<Member>> parse(String text) {
        if (!text.startsWith("Nested(") || !text.endsWith(")")) {
            return Optional.empty();
        }
        List<Token> tokens;
        try {
            tokens = NestedTypeTokenizer.tokenize(text.substring("Nested(".length(), text.length() - 1));
        } catch (IllegalArgumentException e) {
            return Optional.of(List.of());
        }
        List<Member> members = new ArrayList<>();
        int i = 0;
        while (i + 1 < tokens.size() && tokens.get(i).kind() == Kind.IDENTIFIER
                && tokens.get(i + 1).kind() == Kind.IDENTIFIER) {
            String name = tokens.get(i).text();
            StringBuilder type = new StringBuilder(tokens.get(i + 1).text());
            i += 2;
            if (i < tokens.size() && tokens.get(i).kind() == Kind.OPEN) {
                int end = balancedEnd(tokens, i);
                if (end < 0) {
                    break;
                }
                for (int t = i; t <= end; t++) {
                    type.append(tokens.get(t).text());
                    if (tokens.get(t).kind() == Kind.COMMA) {
                        type.append(' ');
                    }
                }
                i = end + 1;
            }
            members.add(new Member(name, type.toString()));
            if (i < tokens.size() && tokens.get(i).kind() == Kind.COMMA) {
                i++;
            }
        }
        return Optional.of(members);
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    private static int balancedEnd(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.OPEN) {
                depth++;
            } else if (tokens.get(i).kind() == Kind.CLOSE && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
