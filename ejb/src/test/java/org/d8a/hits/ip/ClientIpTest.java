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
    }

    @Test
    void untrustedPeersAreTheClient() {
        TrustedProxies none = new TrustedProxies(List.of());
        assertEquals("10.0.0.1", none.clientIp("10.0.0.1", headers(Map.of("X-Real-IP", "1.1.1.1"))));
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
