package fr.ceres.keycloak.siret.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientKeyTest {

    @Test
    @DisplayName("Given an IPv4 address, then it is its own key")
    void ipv4() {
        assertEquals("192.0.2.7", ClientKey.of("192.0.2.7"));
    }

    @Test
    @DisplayName("Given two IPv6 addresses in one /64, then they share a key")
    void ipv6ByPrefix() {
        assertEquals("20010db800010002/64", ClientKey.of("2001:db8:1:2::1"));
        assertEquals(ClientKey.of("2001:db8:1:2::1"), ClientKey.of("2001:0db8:0001:0002:ffff:1:2:3"));
        assertNotEquals(ClientKey.of("2001:db8:1:2::1"), ClientKey.of("2001:db8:1:3::1"));
    }

    @Test
    @DisplayName("Given an IPv4-mapped IPv6 address, then it counts as the IPv4 address")
    void ipv4Mapped() {
        assertEquals("192.0.2.7", ClientKey.of("::ffff:192.0.2.7"));
    }

    @Test
    @DisplayName("Given no address or something unparsable, then a stable key without any name lookup")
    void oddInput() {
        assertEquals("unknown", ClientKey.of(null));
        assertEquals("unknown", ClientKey.of(" "));
        assertEquals("1:2:3", ClientKey.of("1:2:3"));
        assertEquals("host.example:80", ClientKey.of("host.example:80"));
    }
}
