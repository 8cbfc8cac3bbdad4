package org.d8a.catalog;

/**
 * One column as users see it in the reference and the columns endpoint.
 *
 * @param scope {@code event}, {@code session_scoped_event} or {@code session}
 * @param type Arrow type in the spec's notation, such as {@code utf8} or {@code list<struct<name: utf8, ...>>}
 */
public record ColumnDescription(String name, String type, boolean nullable, String scope, String interfaceId,
        String description) {
}
