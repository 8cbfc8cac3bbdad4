package org.d8a.hits.ip;

import java.util.Optional;

/**
 * A property's {@code ip_masking_level} (spec/pipeline.md §1.6): how much of the client address is kept before anything
 * is stored, hashed or filtered. Text that is not an IP address is left as it is.
 */
public final class IpMasking {

    private static final int[] IPV4_PREFIX = {32, 24, 16, 8, 0};
    private static final int[] IPV6_PREFIX = {128, 48, 32, 16, 0};

    private final int level;

    public IpMasking(int level) {
        if (level < 0 || level > 4) {
            throw new IllegalArgumentException("ip_masking_level must be between 0 and 4, got " + level);
        }
        this.level = level;
    }

    public String mask(String ip) {
        if (level == 0) {
            return ip;
        }
        Optional<byte[]> parsed = IpLiteral.parse(ip);
        if (parsed.isEmpty()) {
            return ip;
        }
        byte[] address = parsed.get();
        int keepBits = address.length == 4 ? IPV4_PREFIX[level] : IPV6_PREFIX[level];
        for (int bit = keepBits; bit < address.length * 8; bit++) {
            address[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return IpLiteral.format(address);
    }
}
