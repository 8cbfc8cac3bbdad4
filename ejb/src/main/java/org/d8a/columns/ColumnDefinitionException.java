package org.d8a.columns;

/** A column set that cannot be used: duplicate interface, missing dependency, dependency cycle. Stops deployment. */
public class ColumnDefinitionException extends RuntimeException {

    public ColumnDefinitionException(String message) {
        super(message);
    }
}
