package org.d8a.warehouse.files.upload;

/**
 * Where the S3 uploader writes ({@code warehouse.files.s3.*} and {@code warehouse.files.prefix}).
 *
 * @param prefix prepended to every key with a {@code /}; empty for none
 */
public record S3Settings(String protocol, String host, int port, String bucket, String accessKey, String secretKey,
        String region, String prefix, boolean createBucket, boolean disableUploadChecksums) {

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("warehouse.files.s3.bucket is required when warehouse.files.storage is s3");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("warehouse.files.s3.host is required when warehouse.files.storage is s3");
        }
    }

    /** Always {@code <protocol>://<host>:<port>}; for AWS itself that is {@code https}, port 443. */
    public String endpoint() {
        return protocol + "://" + host + ":" + port;
    }

    /** Without the secret key: settings end up in exception messages and logs. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint() + ", bucket=" + bucket + ", accessKey=" + accessKey
                + ", region=" + region + ", prefix=" + prefix + ", createBucket=" + createBucket
                + ", disableUploadChecksums=" + disableUploadChecksums + "]";
    }
}
