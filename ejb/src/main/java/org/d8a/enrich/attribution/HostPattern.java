package org.d8a.enrich.attribution;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One host pattern of a source list (spec §3.2). A plain pattern matches its host and every subdomain of it; a
 * pattern with {@code {}} is a wildcard: {@code {}.bing.com} matches the hosts ending with {@code .bing.com},
 * {@code google.{}} those starting with {@code google.}, and any other placement ({@code images.{}.ask.com}) is
 * matched anywhere in the host, each {@code {}} standing for any text. The reference allows wildcards in search
 * engines only; here every list may use them, and our built-in files use them in search engines only.
 */
final class HostPattern {

    private static final String WILDCARD = "{}";

    private enum Kind { PLAIN, ENDS_WITH, STARTS_WITH, ANYWHERE }

    private final String text;
    private final Kind kind;
    private final String fixedPart;
    private final Pattern anywhere;

    private HostPattern(String text, Kind kind, String fixedPart, Pattern anywhere) {
        this.text = text;
        this.kind = kind;
        this.fixedPart = fixedPart;
        this.anywhere = anywhere;
    }

    /** @throws IllegalArgumentException saying why {@code text} can never be a useful pattern */
    static HostPattern parse(String text) {
        if (text.isEmpty() || !text.strip().equals(text) || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("\"" + text + "\" is not a host pattern (empty or has spaces)");
        }
        if (!text.equals(text.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("\"" + text + "\" must be lower case: hosts are compared lower-cased");
        }
        if (text.contains("/")) {
            // the reference keeps such entries (x.com/i/grok), but they compare with a host name and never match one
            throw new IllegalArgumentException("\"" + text + "\" has a path: only host names can be matched");
        }
        String fixed = text.replace(WILDCARD, "");
        if (fixed.replace(".", "").isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" would match every host");
        }
        int wildcards = (text.length() - fixed.length()) / WILDCARD.length();
        if (wildcards == 0) {
            if (text.startsWith(".") || text.endsWith(".")) {
                throw new IllegalArgumentException("\"" + text + "\" starts or ends with a dot: no host matches it");
            }
            return new HostPattern(text, Kind.PLAIN, text, null);
        }
        if (wildcards == 1 && text.startsWith(WILDCARD)) {
            return new HostPattern(text, Kind.ENDS_WITH, text.substring(WILDCARD.length()), null);
        }
        if (wildcards == 1 && text.endsWith(WILDCARD)) {
            return new HostPattern(text, Kind.STARTS_WITH, text.substring(0, text.length() - WILDCARD.length()), null);
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = text.split(Pattern.quote(WILDCARD), -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(parts[i].isEmpty() ? "" : Pattern.quote(parts[i]));
        }
        return new HostPattern(text, Kind.ANYWHERE, null, Pattern.compile(regex.toString()));
    }

    String text() {
        return text;
    }

    boolean isPlain() {
        return kind == Kind.PLAIN;
    }

    /** Whether a wildcard pattern matches {@code host}; plain patterns are looked up by host, not asked. */
    boolean wildcardMatches(String host) {
        return switch (kind) {
            case PLAIN -> false;
            case ENDS_WITH -> host.endsWith(fixedPart);
            case STARTS_WITH -> host.startsWith(fixedPart);
            case ANYWHERE -> anywhere.matcher(host).find();
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
