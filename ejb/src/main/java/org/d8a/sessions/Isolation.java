package org.d8a.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Isolation hashes (spec/pipeline.md §3.4) and the queue partition derived from them, so that the same client id on
 * two properties never shares a proto-session, and every hit of one isolated client lands in one message group.
 */
public final class Isolation {

    private Isolation() {
    }

    /** {@code sha256_hex(propertyId + "|" + authoritativeClientId)}: the proto-session key. */
    public static String isolatedClientId(String propertyId, String authoritativeClientId) {
        return sha256Hex(propertyId + "|" + authoritativeClientId);
    }

    /** Message group of an isolated client: {@code p<N>} with N in {@code [0, partitions)}. */
    public static String partition(String isolatedClientId, int partitions) {
        long prefix = Long.parseLong(isolatedClientId.substring(0, 8), 16);
        return "p" + Math.floorMod(prefix, partitions);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
