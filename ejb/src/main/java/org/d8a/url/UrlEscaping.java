package org.d8a.url;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as Go's {@code net/url} does it, per URL component: which bytes a component may hold unescaped,
 * how {@code %XX} and {@code +} decode, and which escapes are errors. Works on UTF-8 bytes, as Go works on bytes.
 */
final class UrlEscaping {

    enum Mode { PATH, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

    private UrlEscaping() {
    }

    static boolean shouldEscape(int c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            switch (mode) {
                case PATH:
                    return c == '?';
                case USER_PASSWORD:
                    return c == '@' || c == '/' || c == '?' || c == ':';
                case QUERY_COMPONENT:
                    return true;
                case FRAGMENT:
                    return false;
                default:
                    break;
            }
        }
        if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
            return false;
        }
        return true;
    }

    static String escape(String text, Mode mode) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (!shouldEscape(c, mode)) {
                escaped.append((char) c);
            } else if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
                escaped.append('+');
            } else {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return escaped.toString();
    }

    /** Decodes {@code text}; malformed escapes, and characters a host may not hold, are errors as in Go. */
    static String unescape(String text, Mode mode) throws UrlSyntaxException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; ) {
            int c = bytes[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= bytes.length || !isHex(bytes[i + 1]) || !isHex(bytes[i + 2])) {
                    String bad = new String(bytes, i, Math.min(3, bytes.length - i), StandardCharsets.UTF_8);
                    throw new UrlSyntaxException("invalid URL escape \"" + bad + "\"");
                }
                int value = (hex(bytes[i + 1]) << 4) | hex(bytes[i + 2]);
                if (mode == Mode.HOST && hex(bytes[i + 1]) < 8 && value != '%') {
                    throw new UrlSyntaxException("invalid character \"" + new String(bytes, i, 3,
                            StandardCharsets.UTF_8) + "\" in host name");
                }
                decoded.write(value);
                i += 3;
            } else if (c == '+') {
                decoded.write(mode == Mode.QUERY_COMPONENT ? ' ' : '+');
                i++;
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
                    throw new UrlSyntaxException("invalid character \"" + (char) c + "\" in host name");
                }
                decoded.write(c);
                i++;
            }
        }
        return decoded.toString(StandardCharsets.UTF_8);
    }

    /** Whether {@code text} is already a valid encoding for {@code mode}, so it can be written back as it is. */
    static boolean validEncoded(String text, Mode mode) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, mode)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
