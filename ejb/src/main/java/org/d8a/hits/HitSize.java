package org.d8a.hits;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The reference's approximate in-memory size of a hit, which {@code receiver.max_hit_kbytes} limits: a fixed struct
 * overhead plus the byte length of every string the hit carries, including the whole request body.
 */
public final class HitSize {

    static final int STRUCT_OVERHEAD_BYTES = 104;

    private HitSize() {
    }

    /**
     * @param bodyBytes byte length of the request body, which every hit of the request carries in the reference
     */
    public static long of(Hit hit, long bodyBytes) {
        long size = STRUCT_OVERHEAD_BYTES;
        size += bytes(hit.getId()) + bytes(hit.getAuthoritativeClientId()) + bytes(hit.getClientId())
                + bytes(hit.getPropertyId()) + bytes(hit.getIp()) + bytes(hit.getHost()) + bytes(hit.getPath())
                + bytes(hit.getMethod()) + bodyBytes + bytes(hit.getUserId());
        size += multiValued(hit.getQueryParams()) + multiValued(hit.getHeaders());
        for (Map.Entry<String, String> entry : hit.getMetadata().entrySet()) {
            size += bytes(entry.getKey()) + bytes(entry.getValue());
        }
        return size;
    }

    private static long multiValued(Map<String, List<String>> values) {
        long size = 0;
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            size += bytes(entry.getKey());
            for (String value : entry.getValue()) {
                size += bytes(value);
            }
        }
        return size;
    }

    static long bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
