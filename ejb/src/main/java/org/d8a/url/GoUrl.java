package org.d8a.url;

import static org.d8a.url.UrlEscaping.Mode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A URL parsed with the rules of Go's {@code net/url.Parse}, which decides the reference's page columns and its
 * traffic-source attribution: what is a host, what is an opaque URL, which inputs are errors (they break the event)
 * and how a URL is written back after parameters are removed. {@link java.net.URI} differs on all of these (it rejects unescaped spaces and accepts
 * invalid ports, for instance), so the parts of Go's parser the columns depend on are reproduced here.
 */
public final class GoUrl {

    private String scheme = "";
    private String opaque = "";
    private String username;
    private String password;
    private String host = "";
    private String path = "";
    private String rawPath = "";
    private boolean omitHost;
    private boolean forceQuery;
    private String rawQuery = "";
    private String fragment = "";
    private String rawFragment = "";

    private GoUrl() {
    }

    public static GoUrl parse(String rawUrl) throws UrlSyntaxException {
        int hash = rawUrl.indexOf('#');
        GoUrl url = parseWithoutFragment(hash < 0 ? rawUrl : rawUrl.substring(0, hash));
        if (hash >= 0) {
            url.rawFragment = rawUrl.substring(hash + 1);
            url.fragment = UrlEscaping.unescape(url.rawFragment, Mode.FRAGMENT);
        }
        return url;
    }

    private static GoUrl parseWithoutFragment(String rawUrl) throws UrlSyntaxException {
        for (int i = 0; i < rawUrl.length(); i++) {
            char c = rawUrl.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new UrlSyntaxException("net/url: invalid control character in URL");
            }
        }
        GoUrl url = new GoUrl();
        if (rawUrl.equals("*")) {
            url.path = "*";
            return url;
        }
        String rest = url.takeScheme(rawUrl);
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            url.forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int question = rest.indexOf('?');
            if (question >= 0) {
                url.rawQuery = rest.substring(question + 1);
                rest = rest.substring(0, question);
            }
        }
        if (!rest.startsWith("/")) {
            if (!url.scheme.isEmpty()) {
                url.opaque = rest;
                return url;
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                throw new UrlSyntaxException("first path segment in URL cannot contain colon");
            }
        }
        if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            url.parseAuthority(authority);
        } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
            url.omitHost = true;
        }
        url.path = UrlEscaping.unescape(rest, Mode.PATH);
        url.rawPath = rest;
        return url;
    }

    /** Sets the scheme (lower case) if the URL starts with one and returns what follows it. */
    private String takeScheme(String rawUrl) throws UrlSyntaxException {
        for (int i = 0; i < rawUrl.length(); i++) {
            char c = rawUrl.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return rawUrl;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new UrlSyntaxException("missing protocol scheme");
                }
                scheme = rawUrl.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                return rawUrl.substring(i + 1);
            }
            return rawUrl;
        }
        return rawUrl;
    }

    private void parseAuthority(String authority) throws UrlSyntaxException {
        int at = authority.lastIndexOf('@');
        host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (at < 0) {
            return;
        }
        String userinfo = authority.substring(0, at);
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
                throw new UrlSyntaxException("net/url: invalid userinfo");
            }
        }
        int colon = userinfo.indexOf(':');
        username = UrlEscaping.unescape(colon < 0 ? userinfo : userinfo.substring(0, colon), Mode.USER_PASSWORD);
        if (colon >= 0) {
            password = UrlEscaping.unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
        }
    }

    private static String parseHost(String host) throws UrlSyntaxException {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new UrlSyntaxException("missing ']' in host");
            }
            String colonPort = host.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new UrlSyntaxException("invalid port \"" + colonPort + "\" after host");
            }
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                return UrlEscaping.unescape(host.substring(0, zone), Mode.HOST)
                        + UrlEscaping.unescape(host.substring(zone, close), Mode.ZONE)
                        + UrlEscaping.unescape(host.substring(close), Mode.HOST);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                throw new UrlSyntaxException("invalid port \"" + host.substring(colon) + "\" after host");
            }
        }
        return UrlEscaping.unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The host without port and IPv6 brackets, as Go's {@code URL.Hostname()}. */
    public String hostname() {
        String name = host;
        int colon = name.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(name.substring(colon))) {
            name = name.substring(0, colon);
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name;
    }

    /** The decoded path; empty for opaque URLs. */
    public String path() {
        return path;
    }

    /**
     * The query parsed leniently, as Go's {@code URL.Query()}: pairs that do not decode, and pairs holding a
     * semicolon, are dropped; {@code +} is a space.
     */
    public Map<String, List<String>> query() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String key = UrlEscaping.unescape(equals < 0 ? pair : pair.substring(0, equals), Mode.QUERY_COMPONENT);
                String value = equals < 0 ? "" : UrlEscaping.unescape(pair.substring(equals + 1),
                        Mode.QUERY_COMPONENT);
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (UrlSyntaxException malformedPair) {
                // Go's URL.Query() ignores the pairs it cannot decode
            }
        }
        return values;
    }

    /** First value of a query parameter, or {@code null} when absent. */
    public String queryValue(String key) {
        List<String> values = query().get(key);
        return values == null ? null : values.get(0);
    }

    /** This URL with {@code query} as its query, encoded as Go's {@code url.Values.Encode()} (keys sorted). */
    public String withQuery(Map<String, List<String>> query) {
        StringBuilder encoded = new StringBuilder();
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(query).entrySet()) {
            String key = UrlEscaping.escape(entry.getKey(), Mode.QUERY_COMPONENT);
            for (String value : entry.getValue()) {
                if (encoded.length() > 0) {
                    encoded.append('&');
                }
                encoded.append(key).append('=').append(UrlEscaping.escape(value, Mode.QUERY_COMPONENT));
            }
        }
        GoUrl copy = copy();
        copy.rawQuery = encoded.toString();
        return copy.toString();
    }

    private GoUrl copy() {
        GoUrl copy = new GoUrl();
        copy.scheme = scheme;
        copy.opaque = opaque;
        copy.username = username;
        copy.password = password;
        copy.host = host;
        copy.path = path;
        copy.rawPath = rawPath;
        copy.omitHost = omitHost;
        copy.forceQuery = forceQuery;
        copy.rawQuery = rawQuery;
        copy.fragment = fragment;
        copy.rawFragment = rawFragment;
        return copy;
    }

    /** The URL written back as Go's {@code URL.String()} writes it. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (!scheme.isEmpty()) {
            text.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            text.append(opaque);
        } else {
            if ((!scheme.isEmpty() || !host.isEmpty() || username != null)
                    && !(omitHost && host.isEmpty() && username == null)) {
                if (!host.isEmpty() || !path.isEmpty() || username != null) {
                    text.append("//");
                }
                if (username != null) {
                    text.append(UrlEscaping.escape(username, Mode.USER_PASSWORD));
                    if (password != null) {
                        text.append(':').append(UrlEscaping.escape(password, Mode.USER_PASSWORD));
                    }
                    text.append('@');
                }
                if (!host.isEmpty()) {
                    text.append(UrlEscaping.escape(host, Mode.HOST));
                }
            }
            String escapedPath = escapedPath();
            if (!escapedPath.isEmpty() && escapedPath.charAt(0) != '/' && !host.isEmpty()) {
                text.append('/');
            }
            if (text.length() == 0) {
                int slash = escapedPath.indexOf('/');
                if ((slash < 0 ? escapedPath : escapedPath.substring(0, slash)).contains(":")) {
                    text.append("./");
                }
            }
            text.append(escapedPath);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            text.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            text.append('#').append(UrlEscaping.validEncoded(rawFragment, Mode.FRAGMENT) ? rawFragment
                    : UrlEscaping.escape(fragment, Mode.FRAGMENT));
        }
        return text.toString();
    }

    private String escapedPath() {
        if (!rawPath.isEmpty() && UrlEscaping.validEncoded(rawPath, Mode.PATH)) {
            return rawPath;
        }
        if (path.equals("*")) {
            return "*";
        }
        return UrlEscaping.escape(path, Mode.PATH);
    }
}
