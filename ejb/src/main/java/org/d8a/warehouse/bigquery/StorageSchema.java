package org.d8a.warehouse.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.storage.v1.TableFieldSchema;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.UnsupportedMappingException;

/**
 * The Storage Write API's schema of the rows d8a writes, made from the Arrow schema as the table's columns are. The
 * rows name a subset of the table's columns, which the API allows; the schema a write stream reports is not used,
 * since it lists the columns of the table, not of the rows.
 */
final class StorageSchema {

    private StorageSchema() {
    }

    static TableSchema of(Schema schema) throws UnsupportedMappingException {
        TableSchema.Builder storage = TableSchema.newBuilder();
        for (org.apache.arrow.vector.types.pojo.Field field : schema.getFields()) {
            storage.addFields(field(BigQueryTypes.toBigQuery(field)));
        }
        return storage.build();
    }

    private static TableFieldSchema field(Field column) {
        TableFieldSchema.Builder field = TableFieldSchema.newBuilder().setName(column.getName())
                .setType(type(column.getType().getStandardType())).setMode(mode(column.getMode()));
        if (column.getSubFields() != null) {
            for (Field member : column.getSubFields()) {
                field.addFields(field(member));
            }
        }
        return field.build();
    }

    private static TableFieldSchema.Type type(StandardSQLTypeName type) {
        return switch (type) {
            case STRING -> TableFieldSchema.Type.STRING;
            case INT64 -> TableFieldSchema.Type.INT64;
            case FLOAT64 -> TableFieldSchema.Type.DOUBLE;
            case BOOL -> TableFieldSchema.Type.BOOL;
            case TIMESTAMP -> TableFieldSchema.Type.TIMESTAMP;
            case DATE -> TableFieldSchema.Type.DATE;
            case STRUCT -> TableFieldSchema.Type.STRUCT;
            default -> throw new IllegalArgumentException("d8a maps no Arrow type to BigQuery's " + type);
        };
    }

    private static TableFieldSchema.Mode mode(Field.Mode mode) {
        return switch (mode) {
            case REQUIRED -> TableFieldSchema.Mode.REQUIRED;
            case REPEATED -> TableFieldSchema.Mode.REPEATED;
            case NULLABLE -> TableFieldSchema.Mode.NULLABLE;
        };
    }
}
