package org.d8a.warehouse.files.upload;

/**
 * Where the GCS uploader writes ({@code warehouse.files.gcs.*} and {@code warehouse.files.prefix}).
 *
 * @param bucket an existing bucket's name; d8a never creates it
 * @param credsJson service-account JSON, base64 of it, or a key file's path; empty for Application Default
 *     Credentials
 * @param prefix prepended to every key with a {@code /}; empty for none
 * @param endpoint our addition: the JSON API's root URL, e.g. {@code http://127.0.0.1:9023} for an emulator or a
 *     private endpoint; empty for Google's
 */
public record GcsSettings(String bucket, String credsJson, String prefix, String endpoint) {

    public GcsSettings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("warehouse.files.gcs.bucket is required when warehouse.files.storage is "
                    + "gcs");
        }
        if (bucket.startsWith("gs://") || bucket.contains("/")) {
            throw new IllegalStateException("warehouse.files.gcs.bucket must be a bucket name, without gs:// or a "
                    + "path (use warehouse.files.prefix for a folder), got " + bucket);
        }
        if (!endpoint.isEmpty() && !endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new IllegalStateException("warehouse.files.gcs.endpoint must be an http:// or https:// URL, got "
                    + endpoint);
        }
    }

    /**
     * Whether the endpoint is an emulator's: Google serves its APIs over TLS only, so a plain {@code http} endpoint
     * gets no credentials, as the BigQuery driver's does.
     */
    public boolean emulator() {
        return endpoint.startsWith("http://");
    }

    /** Without the credentials: settings end up in exception messages and logs. */
    @Override
    public String toString() {
        return "GcsSettings[bucket=" + bucket + ", prefix=" + prefix + ", endpoint=" + endpoint
                + ", credentials=" + (credsJson.isBlank() ? "application default" : "key") + "]";
    }
}
