package org.d8a.protocol.ga4.custom;

/**
 * A user-declared column lifted from the event's {@code params} list (spec/ga4-protocol-and-columns.md §7): the value of
 * the param named {@code paramName} becomes column {@code columnName} of type {@code type}. With {@code source}
 * {@code user_properties} (our addition) it is lifted from the user properties instead.
 *
 * @param type {@code string}, {@code int64} or {@code float64}
 * @param source {@link #PARAMS} or {@link #USER_PROPERTIES}
 */
public record CustomColumnDefinition(String paramName, String columnName, String type, String source) {

    /** The list the value is read from by default: the event's {@code params}. */
    public static final String PARAMS = "params";
    /** The other list a custom column can read: the hit's user properties ({@code up.*}, {@code upn.*}). */
    public static final String USER_PROPERTIES = "user_properties";

    /** A custom column of an event parameter. */
    public CustomColumnDefinition(String paramName, String columnName, String type) {
        this(paramName, columnName, type, PARAMS);
    }

    /** The element field of a list element the value is read from. */
    public String valueField() {
        return type.equals("string") ? "value_string" : "value_number";
    }
}
