package org.d8a.enrich.device;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user-agent client hints device detection uses, read from their structured-header form ({@code "Android"},
 * {@code ?1}, {@code "Chromium";v="141.0.7390.122", ...}). Leniently: a hint that does not parse is absent (null,
 * or no brands), never an error, since the headers are whatever the client sent.
 */
record ClientHints(String platform, String platformVersion, String model, Boolean mobile, List<Brand> brands) {

    /** One entry of {@code Sec-CH-UA-Full-Version-List}. */
    record Brand(String name, String version) {
    }

    private static final Pattern QUOTED = Pattern.compile("\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    private static final Pattern BRAND = Pattern.compile(
            "\"((?:[^\"\\\\]|\\\\.)*)\"\\s*;\\s*v\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    static ClientHints from(DeviceHeaders headers) {
        return new ClientHints(string(headers.secChUaPlatform()), string(headers.secChUaPlatformVersion()),
                string(headers.secChUaModel()), bool(headers.secChUaMobile()),
                brands(headers.secChUaFullVersionList()));
    }

    /** An sf-string, unquoted; null when absent, empty or not quoted. */
    private static String string(String header) {
        Matcher matcher = QUOTED.matcher(header);
        if (!matcher.matches()) {
            return null;
        }
        String value = unescape(matcher.group(1)).trim();
        return value.isEmpty() ? null : value;
    }

    /** An sf-boolean: {@code ?1} or {@code ?0}; null otherwise. */
    private static Boolean bool(String header) {
        return switch (header.trim()) {
            case "?1" -> true;
            case "?0" -> false;
            default -> null;
        };
    }

    private static List<Brand> brands(String header) {
        List<Brand> brands = new ArrayList<>();
        Matcher matcher = BRAND.matcher(header);
        while (matcher.find()) {
            String name = unescape(matcher.group(1)).trim();
            String version = unescape(matcher.group(2)).trim();
            if (!name.isEmpty() && !version.isEmpty()) {
                brands.add(new Brand(name, version));
            }
        }
        return List.copyOf(brands);
    }

    private static String unescape(String quoted) {
        return quoted.replaceAll("\\\\(.)", "$1");
    }
}
