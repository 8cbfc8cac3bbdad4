package org.d8a.protocol.matomo.custom;

/**
 * A Matomo custom-column shortcut (spec/matomo-protocol.md §2.7): one custom dimension (by slot) or one custom variable
 * (by name) lifted into a string column of its own.
 *
 * @param group {@code matomo.custom_dimensions} or {@code matomo.custom_variables}
 * @param slot the dimension's slot; 0 for a variable
 * @param name the dimension's name, or the variable's name to match
 * @param columnName the output column
 * @param session whether the column reads the session's merged list rather than the event's
 */
public record ShortcutDefinition(String group, long slot, String name, String columnName, boolean session) {

    public boolean isDimension() {
        return group.equals(ShortcutDefinitions.DIMENSIONS);
    }
}
