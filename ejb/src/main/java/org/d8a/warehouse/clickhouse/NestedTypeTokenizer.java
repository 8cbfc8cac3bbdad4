package org.d8a.warehouse.clickhouse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the inside of a {@code Nested(...)} type text into tokens (spec/warehouses.md §2.5): parentheses, commas and
 * identifiers, which are backtick-quoted (a doubled backtick is a literal one) or runs of ASCII letters, digits and
 * {@code _}. Anything else (a quote, {@code @}, {@code -}) is an error: such a type is not one d8a creates.
 */
final class NestedTypeTokenizer {

    enum Kind { OPEN, CLOSE, COMMA, IDENTIFIER }

    /** @param position offset of the token's first character in the tokenized text */
    record Token(Kind kind, String text, int position) {
    }

    private NestedTypeTokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", i++));
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ",", i++));
            } else if (c == '`') {
                i = quoted(text, i, tokens);
            } else if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENTIFIER, text.substring(start, i), start));
            } else {
                throw new IllegalArgumentException("unexpected character '" + c + "' at position " + i);
            }
        }
        return tokens;
    }

    private static int quoted(String text, int start, List<Token> tokens) {
        StringBuilder name = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '`') {
                    name.append('`');
                    i += 2;
                    continue;
                }
                tokens.add(new Token(Kind.IDENTIFIER, name.toString(), start));
                return i + 1;
            }
            name.append(c);
            i++;
        }
        throw new IllegalArgumentException("unterminated quoted identifier at position " + start);
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
