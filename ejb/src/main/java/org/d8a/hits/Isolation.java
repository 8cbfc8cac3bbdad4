package org.d8a.hits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Isolation hashes (spec/pipeline.md §3.4): the same client id on two properties never shares a proto-session, and
 * the queue partition ({@code org.d8a.queue.Partitions}) is derived from the isolated client id.
 */
public final class Isolation {

    private static final List<String> STAMP_HEADERS = List.of("Accept", "Accept-Encoding", "Accept-Language",
            "User-Agent", "Sec-CH-UA", "Sec-CH-UA-Mobile", "Sec-CH-UA-Platform", "Sec-CH-UA-Platform-Version",
            "Sec-CH-UA-Model", "Sec-CH-UA-Full-Version");

    /**
     * Hit metadata: what tells a retry of this hit from a new event with the same parameters, when its parameters do
     * not (a tracker without a sequence number, such as the Measurement Protocol). It enters the fingerprint.
     */
    public static final String RETRY_KEY = "retry_key";

    /**
     * Hit metadata, present on hits a server sent for a visitor: their headers and address are the server's, shared
     * by all its visitors, so the session stamp is the client id's instead.
     */
    public static final String STAMP_BY_CLIENT = "stamp_by_client";

    private Isolation() {
    }

    /** {@code sha256_hex(propertyId + "|" + authoritativeClientId)}: the proto-session key. */
    public static String isolatedClientId(String propertyId, String authoritativeClientId) {
        return sha256Hex(propertyId + "|" + authoritativeClientId);
    }

    /**
     * The session stamp of a hit (spec/pipeline.md §3.4): from {@code fss} when the tracker forces one, otherwise from
     * the browser's headers, the masked address, the property and the UTC day, so that it rotates at midnight UTC.
     */
    public static String sessionStamp(Hit hit) {
        if (hit.getMetadata().containsKey(STAMP_BY_CLIENT)) {
            return sha256Hex("client=" + hit.getClientId() + "|" + hit.getPropertyId());
        }
        String forced = hit.param("fss");
        if (!forced.isEmpty()) {
            return sha256Hex("fss=" + forced + "|" + hit.getPropertyId());
        }
        StringJoiner parts = new StringJoiner("|");
        STAMP_HEADERS.forEach(header -> parts.add(hit.header(header)));
        parts.add(hit.getIp() == null ? "" : hit.getIp());
        parts.add(hit.getPropertyId());
        parts.add(LocalDate.ofInstant(Instant.ofEpochMilli(hit.getReceivedAtMillis()), ZoneOffset.UTC).toString());
        return sha256Hex(parts.toString());
    }

    /** {@code sha256_hex(propertyId + "|" + userId)}; the hit must carry a user id. */
    public static String userIdStamp(Hit hit) {
        return sha256Hex(hit.getPropertyId() + "|" + hit.getUserId());
    }

    /**
     * What the client sent for a hit, hashed: its client, property and parameters (in key order), not its receive time,
     * plus its {@link RequestRepeats} number when it repeats an earlier line of its own request and its
     * {@link #RETRY_KEY} when it has one. A client that retries a request it got no answer for sends the same;
     * distinct events of a tracker differ in their parameters (gtag numbers its hits in {@code _s}) or retry keys.
     */
    public static String fingerprint(Hit hit) {
        StringBuilder text = new StringBuilder(hit.getPropertyId()).append('\n').append(hit.getClientId());
        new TreeMap<>(hit.getQueryParams()).forEach((key, values) -> values.forEach(value ->
                text.append('\n').append(key.length()).append(':').append(key).append('=').append(value)));
        String retryKey = hit.getMetadata().get(RETRY_KEY);
        if (retryKey != null) {
            text.append("\n@").append(retryKey);
        }
        String repeat = hit.getMetadata().get(RequestRepeats.METADATA_KEY);
        if (repeat != null) {
            text.append("\n#").append(repeat);
        }
        return sha256Hex(text.toString());
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
