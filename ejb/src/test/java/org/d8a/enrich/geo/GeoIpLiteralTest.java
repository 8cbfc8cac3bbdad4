package org.d8a.enrich.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the geo lookup accepts as an address (spec §6.1: an address that does not parse gives null geo columns). */
class GeoIpLiteralTest {

    @Test
    void ipv4AndIpv6LiteralsParse() throws Exception {
        assertEquals(Optional.of(InetAddress.getByAddress(new byte[] {81, 2, 69, (byte) 142})),
                IpLiteral.parse("81.2.69.142"));
        assertEquals(Optional.of(InetAddress.getByAddress(new byte[] {0, 0, 0, 0})), IpLiteral.parse("0.0.0.0"));
        assertEquals(Optional.of(InetAddress.getByName("2001:218::1")), IpLiteral.parse("2001:218::1"));
        assertEquals(Optional.of(InetAddress.getByName("1050:5678:9012::")), IpLiteral.parse("1050:5678:9012::"));
        assertTrue(IpLiteral.parse("::ffff:81.2.69.142").isPresent());
    }

    @Test
    void anythingElseIsNoAddressAndIsNeverLookedUpInDns() {
        for (String text : new String[] {null, "", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1",
            "01.2.3.4", "1.2.3.-4", "1234", " 1.2.3.4", "1.2.3.4 ", "2001:218::1::", "2001:zz::1", "fe80::1%eth0",
            ".:1", "beef", "::ffff:1.2.3"}) {
            assertEquals(Optional.empty(), IpLiteral.parse(text), String.valueOf(text));
        }
    }
}
