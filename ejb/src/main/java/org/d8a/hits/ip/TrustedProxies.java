package org.d8a.hits.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code server.trusted_proxies} and the client address it yields (spec/pipeline.md §1.5): the TCP peer, unless the
 * peer is a trusted proxy, in which case the forwarding headers name the client.
 */
public final class TrustedProxies {

    private static final List<String> SINGLE_ADDRESS_HEADERS =
            List.of("X-Real-IP", "X-Client-IP", "CF-Connecting-IP", "True-Client-IP");

    private final List<Cidr> trusted;
    private final boolean trustAll;

    /**
     * @param entries CIDRs or bare addresses; both {@code 0.0.0.0/0} and {@code ::/0} trust every peer
     * @throws IllegalArgumentException naming the first entry that is not an address or CIDR
     */
    public TrustedProxies(List<String> entries) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String entry : entries) {
            cidrs.add(Cidr.parse(entry.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "server.trusted_proxies: " + entry + " is not an IP address or CIDR")));
        }
        this.trusted = List.copyOf(cidrs);
        this.trustAll = entries.stream().map(String::trim).anyMatch("0.0.0.0/0"::equals)
                && entries.stream().map(String::trim).anyMatch("::/0"::equals);
    }

    /**
     * The client address of a request from {@code peer}; forwarded header values are taken verbatim, as the reference
     * takes them.
     *
     * @param header first value of a request header by name, {@code ""} when absent
     */
    public String clientIp(String peer, Function<String, String> header) {
        String peerText = IpLiteral.parse(peer).map(IpLiteral::format).orElse(peer);
        if (!isTrusted(peer)) {
            return peerText;
        }
        for (String name : SINGLE_ADDRESS_HEADERS) {
            String value = header.apply(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        String forwarded = header.apply("X-Forwarded-For");
        if (forwarded != null) {
            for (String element : forwarded.split(",")) {
                if (!element.trim().isEmpty()) {
                    return element.trim();
                }
            }
        }
        return peerText;
    }

    private boolean isTrusted(String peer) {
        if (trustAll) {
            return true;
        }
        Optional<byte[]> address = IpLiteral.parse(peer);
        return address.isPresent() && trusted.stream().anyMatch(cidr -> cidr.contains(address.get()));
    }
}
