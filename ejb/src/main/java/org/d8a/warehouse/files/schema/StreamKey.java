package org.d8a.warehouse.files.schema;

/**
 * One stream of the files warehouse: rows of one table under one schema (spec/warehouses.md §4.2). Its segments are
 * named {@code <table>_<fingerprint>...}; the fingerprint is always 16 characters, so the name parses back at its last
 * underscore even when the escaped table holds underscores.
 *
 * @param table the escaped table name
 * @param fingerprint the schema fingerprint
 */
public record StreamKey(String table, String fingerprint) {

    public static final int FINGERPRINT_LENGTH = 16;

    /** Every character but ASCII letters, digits, {@code -} and {@code _} becomes {@code _}: no path escapes. */
    public static String escapeTable(String table) {
        StringBuilder escaped = new StringBuilder(table.length());
        for (int i = 0; i < table.length(); i++) {
            char c = table.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            escaped.append(kept ? c : '_');
        }
        return escaped.toString();
    }

    public static StreamKey of(String table, String fingerprint) {
        return new StreamKey(escapeTable(table), fingerprint);
    }

    /** {@code <table>_<fingerprint>}: the start of every file name of the stream. */
    public String stem() {
        return table + "_" + fingerprint;
    }

    /** The key of a stem: split at the last underscore, the fingerprint being 16 characters. */
    public static StreamKey parse(String stem) {
        int split = stem.lastIndexOf('_');
        if (split <= 0 || stem.length() - split - 1 != FINGERPRINT_LENGTH) {
            throw new IllegalArgumentException("not a stream of the files warehouse: " + stem);
        }
        return new StreamKey(stem.substring(0, split), stem.substring(split + 1));
    }
}
