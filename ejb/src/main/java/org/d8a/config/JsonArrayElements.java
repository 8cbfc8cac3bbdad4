package org.d8a.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level elements of a JSON array as text, found without parsing them, so that each can be parsed (and, when
 * malformed, skipped) on its own: the reference takes {@code FILTERS_CONDITIONS} as separate JSON objects and skips
 * only the invalid ones. A bare sequence of values ({@code {...},{...}} or a single object) is read like an array.
 * Elements are delimited by the commas outside any string, object or array; an element with unbalanced brackets
 * therefore runs to the end of the text.
 */
final class JsonArrayElements {

    private JsonArrayElements() {
    }

    static List<String> split(String json) {
        String text = json.trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        List<String> elements = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                add(elements, text.substring(start, i));
                start = i + 1;
            }
        }
        add(elements, text.substring(start));
        return elements;
    }

    private static void add(List<String> elements, String element) {
        if (!element.isBlank()) {
            elements.add(element.trim());
        }
    }
}
