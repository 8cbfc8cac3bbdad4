package org.d8a.hits.ip;

import java.util.Optional;

/** An address block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a block of one. */
public record Cidr(byte[] network, int prefixLength) {

    /** The block {@code text} denotes, or empty when it is neither an address nor a CIDR. */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        Optional<byte[]> address = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int maxBits = address.get().length * 8;
        int prefix = maxBits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (prefix < 0 || prefix > maxBits) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(address.get(), prefix));
    }

    /** Whether {@code address} (4 or 16 bytes) lies in this block; IPv4 and IPv6 blocks never contain each other. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text {@code ip} is an address in this block; text that is not an address never is. */
    public boolean contains(String ip) {
        return IpLiteral.parse(ip).map(this::contains).orElse(false);
    }
}
