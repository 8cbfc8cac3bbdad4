package org.d8a.warehouse.files.upload;

import com.google.auth.Credentials;
import com.google.cloud.BaseServiceException;
import com.google.cloud.NoCredentials;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.d8a.warehouse.googlecloud.GoogleCredentialsSource;

/**
 * Uploads to Google Cloud Storage with the JSON API's resumable uploads (spec/warehouses.md §4.8): each file is
 * streamed through a {@link GcsObjectUpload} that is committed once every byte is written and aborted on any error, so
 * the object under {@code <prefix>/<key>} is the whole file or untouched. Uploading the same key again replaces the
 * object. The bucket must exist: d8a needs object permissions only, never bucket ones.
 */
public final class GcsUploader implements Uploader {

    /** The reference's scope for its service-account key. */
    private static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/devstorage.full_control");

    /** The client library's own default: one request per 16 MiB of a segment, held in memory while sent. */
    static final int DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;

    private final Storage storage;
    private final GcsSettings settings;
    private final int chunkSize;

    public GcsUploader(GcsSettings settings) {
        this(settings, DEFAULT_CHUNK_SIZE);
    }

    /** @param chunkSize bytes sent per request of an upload: a multiple of 256 KiB */
    GcsUploader(GcsSettings settings, int chunkSize) {
        this.settings = settings;
        this.chunkSize = chunkSize;
        this.storage = storage(settings);
    }

    /** Loads the credentials now, so that an unusable key fails the deployment rather than the first upload. */
    private static Storage storage(GcsSettings settings) {
        Credentials credentials = settings.emulator() ? NoCredentials.getInstance()
                : GoogleCredentialsSource.load("warehouse.files.gcs.creds_json", settings.credsJson(), SCOPES);
        StorageOptions.Builder options = StorageOptions.http().setCredentials(credentials);
        if (!settings.endpoint().isEmpty()) {
            options.setHost(settings.endpoint());
        }
        return options.build().getService();
    }

    /** The storage client, for tests that read back what was uploaded. */
    Storage storage() {
        return storage;
    }

    /** Starts writing {@code <prefix>/<key>}; nothing is visible until the upload is committed. */
    GcsObjectUpload begin(String key) throws IOException {
        BlobId object = BlobId.of(settings.bucket(), ObjectKey.of(settings.prefix(), key));
        String uploadId = UUID.randomUUID().toString();
        try {
            WriteChannel channel = storage.writer(BlobInfo.newBuilder(object)
                    .setMetadata(Map.of(GcsObjectUpload.UPLOAD_ID, uploadId)).build());
            channel.setChunkSize(chunkSize);
            return new GcsObjectUpload(storage, object, uploadId, channel);
        } catch (BaseServiceException e) {
            throw failure(object, e);
        }
    }

    @Override
    public void upload(String key, Path file) throws IOException {
        GcsObjectUpload upload = begin(key);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                upload.write(buffer);
                buffer.clear();
            }
            upload.commit();
        } catch (IOException | RuntimeException e) {
            try {
                upload.abort();
            } catch (IOException | RuntimeException abortError) {
                e.addSuppressed(abortError);
            }
            throw failure(BlobId.of(settings.bucket(), ObjectKey.of(settings.prefix(), key)), e);
        }
    }

    /**
     * The object and the cause. A 404 for an object write means the bucket (an upload session lives a week, far
     * longer than any upload), so it says so: the bucket is the setting to check.
     */
    private IOException failure(BlobId object, Exception cause) {
        String reason = cause.getMessage();
        BaseServiceException service = serviceCause(cause);
        if (service != null && service.getCode() == 404) {
            reason = "bucket " + object.getBucket() + " does not exist, or these credentials cannot see it "
                    + "(warehouse.files.gcs.bucket; d8a does not create it): " + service.getMessage();
        }
        String endpoint = settings.endpoint().isEmpty() ? "" : " at " + settings.endpoint();
        return new IOException("upload of gs://" + object.getBucket() + "/" + object.getName() + endpoint
                + " failed: " + reason, cause);
    }

    private static BaseServiceException serviceCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BaseServiceException service) {
                return service;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            storage.close();
        } catch (Exception e) {
            // close() declares Exception; at shutdown nothing can be done about the HTTP client failing to close
        }
    }
}
