package org.d8a.warehouse.files.upload;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Uploads to S3 or an S3-compatible store (MinIO, ...) with the AWS SDK (spec/warehouses.md §4.8): endpoint
 * {@code <protocol>://<host>:<port>}, path-style addressing, static credentials. One PutObject per segment: S3 makes
 * an object visible only once it is complete, and a retry of the same key replaces it. The JDK's URL connection
 * carries the requests, so the SDK brings no HTTP client library (nor Netty) into the server.
 */
public final class S3Uploader implements Uploader {

    private final S3Client client;
    private final S3Settings settings;
    private volatile boolean bucketReady;

    public S3Uploader(S3Settings settings) {
        this.settings = settings;
        this.bucketReady = !settings.createBucket();
        RequestChecksumCalculation checksums = settings.disableUploadChecksums()
                ? RequestChecksumCalculation.WHEN_REQUIRED : RequestChecksumCalculation.WHEN_SUPPORTED;
        this.client = S3Client.builder()
                .endpointOverride(URI.create(settings.endpoint()))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(checksums)
                .responseChecksumValidation(settings.disableUploadChecksums()
                        ? ResponseChecksumValidation.WHEN_REQUIRED : ResponseChecksumValidation.WHEN_SUPPORTED)
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }

    String objectKey(String key) {
        return ObjectKey.of(settings.prefix(), key);
    }

    @Override
    public void upload(String key, Path file) throws IOException {
        try {
            ensureBucket();
            client.putObject(request -> request.bucket(settings.bucket()).key(objectKey(key)),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("upload of s3://" + settings.bucket() + "/" + objectKey(key) + " to "
                    + settings.endpoint() + " failed: " + e.getMessage(), e);
        }
    }

    /** Creates the bucket before the first upload when asked to; one that already exists is fine. */
    private void ensureBucket() {
        if (bucketReady) {
            return;
        }
        try {
            client.createBucket(request -> request.bucket(settings.bucket()));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
            // created before, by us or by the operator
        }
        bucketReady = true;
    }

    @Override
    public void close() {
        client.close();
    }
}
