package org.d8a.protocol.ga4.custom;

/**
 * A user-declared column lifted from the event's {@code params} list (spec/ga4-protocol-and-columns.md §7): the value of
 * the param named {@code paramName} becomes column {@code columnName} of type {@code type}.
 *
 * @param type {@code string}, {@code int64} or {@code float64}
 */
public record CustomColumnDefinition(String paramName, String columnName, String type) {

    /** The element field of a {@code params} element the value is read from. */
    public String valueField() {
        return type.equals("string") ? "value_string" : "value_number";
    }
}
