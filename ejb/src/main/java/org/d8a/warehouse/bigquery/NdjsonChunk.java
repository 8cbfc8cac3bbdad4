package org.d8a.warehouse.bigquery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A delivery chunk as newline-delimited JSON, and the load job id it is loaded under: a hash of the destination and the
 * bytes, so that a chunk delivered again after a crash (rows rebuilt from the same spooled sessions) asks BigQuery for
 * the same job, which it runs at most once.
 */
record NdjsonChunk(byte[] bytes, String jobIdPrefix) {

    static NdjsonChunk of(String destination, Schema schema, List<Map<String, Object>> rows) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (Map<String, Object> row : rows) {
            lines.writeBytes(BigQueryValues.row(schema, row).toString().getBytes(StandardCharsets.UTF_8));
            lines.write('\n');
        }
        byte[] bytes = lines.toByteArray();
        return new NdjsonChunk(bytes, "d8a_" + sha256(destination, bytes));
    }

    /** The id of the {@code attempt}th job of this chunk; an attempt is only retried when its job failed. */
    String jobId(int attempt) {
        return jobIdPrefix + "_" + attempt;
    }

    private static String sha256(String destination, byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(destination.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
