package org.d8a.persistence.text;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Text from the outside (a client id) stored so that every store takes it: PostgreSQL refuses the NUL character in
 * text and character columns (its JDBC driver rejects it before sending), H2 takes it. NUL is written as U+0001 '0',
 * and U+0001 itself as U+0001 '1', so any value reads back exactly; a value with neither is stored unchanged, the same on
 * H2 and PostgreSQL.
 */
@Converter
public class StorableText implements AttributeConverter<String, String> {

    private static final char ESCAPE = '\u0001';

    @Override
    public String convertToDatabaseColumn(String value) {
        if (value == null || (value.indexOf('\0') < 0 && value.indexOf(ESCAPE) < 0)) {
            return value;
        }
        StringBuilder stored = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                stored.append(ESCAPE).append('0');
            } else if (c == ESCAPE) {
                stored.append(ESCAPE).append('1');
            } else {
                stored.append(c);
            }
        }
        return stored.toString();
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        if (stored == null || stored.indexOf(ESCAPE) < 0) {
            return stored;
        }
        StringBuilder value = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == ESCAPE && i + 1 < stored.length()) {
                value.append(stored.charAt(++i) == '0' ? '\0' : ESCAPE);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    /**
     * Diagnostic text (an error message, which may quote what a client sent) made storable without changing its length,
     * which its column bounds: NUL becomes U+FFFD, the replacement character.
     */
    public static String diagnostic(String text) {
        return text == null ? null : text.replace('\0', '\uFFFD');
    }
}
