package org.d8a.warehouse;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** A warehouse has no type for an Arrow type (or an existing warehouse column has no Arrow type). */
public class UnsupportedMappingException extends WarehouseException {

    private final String type;
    private final String mapper;

    /** @param mapper the warehouse whose mapping failed: {@code clickhouse}, {@code bigquery}, {@code parquet} */
    public UnsupportedMappingException(ArrowType type, String mapper) {
        this(String.valueOf(type), mapper);
    }

    /** For a warehouse type read back that maps to no Arrow type. */
    public UnsupportedMappingException(String type, String mapper) {
        super("mapper \"" + mapper + "\" does not support Arrow type \"" + type + "\"");
        this.type = type;
        this.mapper = mapper;
    }

    public String type() {
        return type;
    }

    public String mapper() {
        return mapper;
    }
}
