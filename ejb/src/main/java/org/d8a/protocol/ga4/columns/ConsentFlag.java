package org.d8a.protocol.ga4.columns;

import java.nio.charset.StandardCharsets;
import org.d8a.columns.casts.Casts;

/**
 * One consent flag of the {@code gcs} parameter ({@code G1} + ads + analytics, e.g. {@code G111}), read by byte
 * position as the reference reads it.
 */
final class ConsentFlag {

    static final int ADS_STORAGE = 2;
    static final int ANALYTICS_STORAGE = 3;

    private ConsentFlag() {
    }

    /**
     * The flag at byte {@code index} of {@code gcs} through the BOOL cast; null when {@code gcs} is too short (deliberate
     * fix: the reference panics when the length equals the index) or the byte is part of a multi-byte character.
     */
    static Boolean at(String gcs, int index) {
        byte[] bytes = gcs.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= index || bytes[index] < 0) {
            return null;
        }
        return Casts.bool(String.valueOf((char) bytes[index]));
    }
}
