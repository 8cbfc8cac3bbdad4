package org.d8a.hits.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vector V07 of spec/ga4-protocol-and-columns.md §8.1: IP masking and real-IP extraction. */
class ClientIpTest {

    @Test
    void masksIpv4AndIpv6ByLevel() {
        String[][] cases = {
            {"192.168.100.123", "0", "192.168.100.123"},
            {"192.168.100.123", "1", "192.168.100.0"},
            {"192.168.100.123", "2", "192.168.0.0"},
            {"192.168.100.123", "3", "192.0.0.0"},
            {"192.168.100.123", "4", "0.0.0.0"},
            {"1050:5678:9012:3456:789a:bcde:f012:3456", "0", "1050:5678:9012:3456:789a:bcde:f012:3456"},
            {"1050:5678:9012:3456:789a:bcde:f012:3456", "1", "1050:5678:9012::"},
            {"1050:5678:9012:3456:789a:bcde:f012:3456", "2", "1050:5678::"},
            {"1050:5678:9012:3456:789a:bcde:f012:3456", "3", "1050::"},
            {"1050:5678:9012:3456:789a:bcde:f012:3456", "4", "::"},
            {"not-an-ip", "2", "not-an-ip"},
            {"::ffff:192.168.100.123", "1", "::"},
        };
        for (String[] c : cases) {
            assertEquals(c[2], new IpMasking(Integer.parseInt(c[1])).mask(c[0]), c[0] + " at level " + c[1]);
        }
        assertThrows(IllegalArgumentException.class, () -> new IpMasking(5));
    }

    @Test
    void trustedPeersAreReplacedByTheForwardedClient() {
        TrustedProxies all = new TrustedProxies(List.of("0.0.0.0/0", "::/0"));
        assertEquals("6.7.8.9", all.clientIp("10.0.0.1", headers(Map.of("X-Forwarded-For", "6.7.8.9, 7.8.9.10, 8.9.10.11"))));
        assertEquals("9.10.11.12", all.clientIp("10.0.0.1", headers(Map.of("X-Forwarded-For", "  9.10.11.12  ,10.11.12.13"))));
        assertEquals("10.11.12.13", all.clientIp("10.0.0.1", headers(Map.of("X-Forwarded-For", ",,  ,10.11.12.13"))));
        assertEquals("1.1.1.1", all.clientIp("10.0.0.1", headers(Map.of("X-Real-IP", "1.1.1.1", "X-Client-IP", "2.2.2.2",
                "CF-Connecting-IP", "3.3.3.3", "True-Client-IP", "4.4.4.4", "X-Forwarded-For", "5.5.5.5"))));
        assertEquals("11.12.13.14", all.clientIp("11.12.13.14", headers(Map.of("X-Forwarded-For", ""))));
        // The priority of §8.2 item 5, one header at a time taken away.
        assertEquals("2.2.2.2", all.clientIp("10.0.0.1", headers(Map.of("X-Client-IP", "2.2.2.2",
                "CF-Connecting-IP", "3.3.3.3", "True-Client-IP", "4.4.4.4", "X-Forwarded-For", "5.5.5.5"))));
        assertEquals("3.3.3.3", all.clientIp("10.0.0.1", headers(Map.of("CF-Connecting-IP", "3.3.3.3",
                "True-Client-IP", "4.4.4.4", "X-Forwarded-For", "5.5.5.5"))));
        assertEquals("4.4.4.4", all.clientIp("10.0.0.1", headers(Map.of("True-Client-IP", "4.4.4.4",
                "X-Forwarded-For", "5.5.5.5"))));
        assertEquals("5.5.5.5", all.clientIp("10.0.0.1", headers(Map.of("X-Forwarded-For", "5.5.5.5"))));
    }

    @Test
    void untrustedPeersAreTheClient() {
        TrustedProxies none = new TrustedProxies(List.of());
        assertEquals("10.0.0.1", none.clientIp("10.0.0.1", headers(Map.of("X-Real-IP", "1.1.1.1"))));
        assertEquals("10.0.0.1", none.clientIp("10.0.0.1", headers(Map.of("X-Forwarded-For", "1.1.1.1"))));
        TrustedProxies onlyV4 = new TrustedProxies(List.of("0.0.0.0/0"));
        assertEquals("2001:db8::1", onlyV4.clientIp("2001:db8:0:0:0:0:0:1", headers(Map.of("X-Real-IP", "1.1.1.1"))));
        TrustedProxies lan = new TrustedProxies(List.of("10.0.0.0/8", "2001:db8::1"));
        assertEquals("1.1.1.1", lan.clientIp("10.20.30.40", headers(Map.of("X-Real-IP", "1.1.1.1"))));
        assertEquals("1.1.1.1", lan.clientIp("2001:db8::1", headers(Map.of("X-Real-IP", "1.1.1.1"))));
        assertEquals("11.0.0.1", lan.clientIp("11.0.0.1", headers(Map.of("X-Real-IP", "1.1.1.1"))));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.example.com")));
    }

    @Test
    void cidrTrustHonoursHeadersFromInsideTheBlockOnly() {
        // spec/pipeline.md §8.2 item 5: CIDR trust 10.0.0.0/24 honours headers from 10.0.0.5 only.
        TrustedProxies slash24 = new TrustedProxies(List.of("10.0.0.0/24"));
        var forwarded = headers(Map.of("X-Real-IP", "203.0.113.99", "X-Forwarded-For", "198.51.100.7"));
        assertEquals("203.0.113.99", slash24.clientIp("10.0.0.5", forwarded));
        assertEquals("10.0.1.5", slash24.clientIp("10.0.1.5", forwarded), "just outside the /24");
        assertEquals("192.0.2.1", slash24.clientIp("192.0.2.1", forwarded));
        assertEquals("198.51.100.7", slash24.clientIp("10.0.0.5", headers(Map.of("X-Forwarded-For", "198.51.100.7"))));
    }

    @Test
    void forwardedAddressIsMaskedLikeAnyOther() {
        // §8.2 item 5: trusted proxy + level 1 -> 203.0.113.99 becomes 203.0.113.0.
        TrustedProxies slash24 = new TrustedProxies(List.of("10.0.0.0/24"));
        String client = slash24.clientIp("10.0.0.5", headers(Map.of("X-Real-IP", "203.0.113.99")));
        assertEquals("203.0.113.0", new IpMasking(1).mask(client));
    }

    @Test
    void cidrsMatchTheirOwnFamilyOnly() {
        Cidr v4 = Cidr.parse("192.168.0.0/16").orElseThrow();
        assertTrue(v4.contains("192.168.5.6"));
        assertFalse(v4.contains("192.169.0.1"));
        assertFalse(v4.contains("::1"));
        Cidr v6 = Cidr.parse("2001:db8::/32").orElseThrow();
        assertTrue(v6.contains("2001:db8:ffff::1"));
        assertFalse(v6.contains("2001:db9::1"));
        assertFalse(v6.contains("not-an-ip"));
    }

    private static java.util.function.Function<String, String> headers(Map<String, String> values) {
        return name -> values.getOrDefault(name, "");
    }
}
