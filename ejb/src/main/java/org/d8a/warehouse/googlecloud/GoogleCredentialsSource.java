package org.d8a.warehouse.googlecloud;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * The Google credentials of a {@code *.creds_json} key (BigQuery, GCS): a service-account key given as raw JSON, as
 * base64 of it, or as the path of a key file; empty means Application Default Credentials (our addition: workloads on
 * Google Cloud have no key file). Error messages name the key, never its value: it is a secret.
 */
public final class GoogleCredentialsSource {

    private GoogleCredentialsSource() {
    }

    /**
     * @param key the configuration key, for error messages
     * @param value the key's value; empty for Application Default Credentials
     */
    public static GoogleCredentials load(String key, String value, List<String> scopes) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return applicationDefault(key, scopes);
        }
        byte[] json = keyJson(key, trimmed);
        try {
            return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(json)).createScoped(scopes);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(key + " is not a usable service-account key: " + e.getMessage());
        }
    }

    private static GoogleCredentials applicationDefault(String key, List<String> scopes) {
        try {
            return GoogleCredentials.getApplicationDefault().createScoped(scopes);
        } catch (IOException e) {
            throw new IllegalStateException(key + " is empty and no Application Default Credentials were found: "
                    + e.getMessage());
        }
    }

    /** The key's JSON: the value itself, its base64 decoding (as the reference accepts), or the file it names. */
    private static byte[] keyJson(String key, String value) {
        if (value.startsWith("{")) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(value);
            if (new String(decoded, StandardCharsets.UTF_8).trim().startsWith("{")) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // a path, checked next
        }
        try {
            Path file = Path.of(value);
            if (Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
        } catch (InvalidPathException | IOException e) {
            throw new IllegalStateException(key + " names a key file that cannot be read: " + e.getMessage());
        }
        throw new IllegalStateException(key + " is neither service-account JSON, base64 of it, nor the path of a"
                + " readable key file");
    }
}
