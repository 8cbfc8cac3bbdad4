package org.d8a.filters;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.d8a.hits.ip.Cidr;

/**
 * The functions filter expressions may call (and nothing else): the reference's {@code inCidr} and its string
 * operators, which Jakarta EL lacks as operators. A null argument makes every function false.
 */
public final class FilterFunctions {

    private FilterFunctions() {
    }

    /** True when {@code ip} is an address inside {@code cidr}; false for anything that does not parse. */
    public static boolean inCidr(String ip, String cidr) {
        if (ip == null || cidr == null) {
            return false;
        }
        return Cidr.parse(cidr.trim()).map(block -> block.contains(ip.trim())).orElse(false);
    }

    public static boolean startsWith(String text, String prefix) {
        return text != null && prefix != null && text.startsWith(prefix);
    }

    public static boolean endsWith(String text, String suffix) {
        return text != null && suffix != null && text.endsWith(suffix);
    }

    public static boolean contains(String text, String part) {
        return text != null && part != null && text.contains(part);
    }

    /** True when {@code regex} matches a part of {@code text}; an invalid regular expression matches nothing. */
    public static boolean matches(String text, String regex) {
        if (text == null || regex == null) {
            return false;
        }
        try {
            return Pattern.compile(regex).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
