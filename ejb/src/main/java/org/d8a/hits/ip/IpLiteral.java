package org.d8a.hits.ip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP address text without ever resolving a host name: {@link InetAddress#getByName} would look up anything that
 * is not a literal, and header values come from clients. IPv4-mapped IPv6 text stays a 16-byte address, as Go keeps it.
 */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {
    }

    /** The address bytes: 4 for IPv4 text, 16 for IPv6 text; empty when the text is not an IP literal. */
    static Optional<byte[]> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = !v4 && text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            if (v6 && bytes.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            return Optional.of(bytes);
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }

    /**
     * Text of an address as Go prints it: dotted IPv4 for 4 bytes and for IPv4-mapped IPv6, otherwise RFC 5952
     * (lower case, the longest run of two or more zero groups compressed to {@code ::}, the first such run on a tie).
     */
    static String format(byte[] address) {
        if (address.length == 4) {
            return v4(address, 0);
        }
        if (isV4Mapped(address)) {
            return v4(address, 12);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static boolean isV4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return (address[10] & 0xff) == 0xff && (address[11] & 0xff) == 0xff;
    }

    private static String v4(byte[] address, int offset) {
        return (address[offset] & 0xff) + "." + (address[offset + 1] & 0xff) + "." + (address[offset + 2] & 0xff) + "."
                + (address[offset + 3] & 0xff);
    }
}
