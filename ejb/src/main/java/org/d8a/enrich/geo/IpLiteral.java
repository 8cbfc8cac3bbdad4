package org.d8a.enrich.geo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses an address the way the reference's lookup accepts it: dotted-quad IPv4 (no leading zeros, no short forms
 * such as {@code 10.1}) or an IPv6 literal. Never a host name: {@link InetAddress#getByName} would ask DNS for one.
 */
final class IpLiteral {

    private static final Pattern IPV4_PART = Pattern.compile("0|[1-9]\\d{0,2}");
    /** Starting with a hex digit or a colon, which is what makes the JDK parse it as a literal. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private IpLiteral() {
    }

    /** The address of {@code text}; empty when it is not an IP literal. */
    static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    private static Optional<InetAddress> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!IPV4_PART.matcher(parts[i]).matches() || Integer.parseInt(parts[i]) > 255) {
                return Optional.empty();
            }
            address[i] = (byte) Integer.parseInt(parts[i]);
        }
        return byAddress(address);
    }

    private static Optional<InetAddress> ipv6(String text) {
        if (!IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // a text with a colon is only ever parsed as an IPv6 literal, never looked up
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> byAddress(byte[] address) {
        try {
            return Optional.of(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            // only thrown for an array of the wrong length
            throw new IllegalStateException(e);
        }
    }
}
