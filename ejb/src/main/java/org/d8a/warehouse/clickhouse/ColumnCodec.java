package org.d8a.warehouse.clickhouse;

import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.ColumnFields;
import org.d8a.warehouse.WarehouseException;

/** The {@code CODEC(...)} clause a column asks for in its field metadata ({@link ColumnFields#CODEC}). */
public final class ColumnCodec {

    private ColumnCodec() {
    }

    /** The metadata value for a codec, e.g. ({@code Delta}, {@code LZ4}) → {@code CODEC(Delta, LZ4)}. */
    public static String value(String codec, String compression) {
        return compression == null || compression.isEmpty()
                ? "CODEC(" + codec + ")"
                : "CODEC(" + codec + ", " + compression + ")";
    }

    /**
     * @return the field's codec clause, or {@code null} when it has none
     * @throws WarehouseException when the metadata value is empty or not a codec clause: it would otherwise be pasted
     *         into the DDL as is
     */
    public static String clause(Field field) throws WarehouseException {
        if (field.getMetadata() == null || !field.getMetadata().containsKey(ColumnFields.CODEC)) {
            return null;
        }
        String value = field.getMetadata().get(ColumnFields.CODEC).trim();
        if (value.isEmpty()) {
            throw new WarehouseException("codec metadata value cannot be empty for field " + field.getName());
        }
        if (!value.startsWith("CODEC(")) {
            throw new WarehouseException("invalid codec metadata value for field " + field.getName()
                    + ": must start with 'CODEC('");
        }
        return value;
    }
}
