package org.d8a.warehouse.files.upload;

/**
 * The object name of a segment's key in a bucket (spec/warehouses.md §4.8): {@code warehouse.files.prefix}, shared by
 * the S3 and GCS uploaders, puts every object under {@code <prefix>/}.
 */
final class ObjectKey {

    private ObjectKey() {
    }

    /** {@code <prefix>/<key>}, or the key itself without a prefix; a prefix that ends in {@code /} gets no second. */
    static String of(String prefix, String key) {
        if (prefix.isEmpty()) {
            return key;
        }
        return prefix.endsWith("/") ? prefix + key : prefix + "/" + key;
    }
}
