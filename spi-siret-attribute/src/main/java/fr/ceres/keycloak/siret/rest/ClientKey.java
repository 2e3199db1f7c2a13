package fr.ceres.keycloak.siret.rest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Which rate-limit bucket a client address falls in. */
final class ClientKey {

    private static final String UNKNOWN = "unknown";
    /**
     * Text that can only be an IPv6 literal: InetAddress.getByName parses it without ever asking
     * DNS, which it would do for anything starting like a host name.
     */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientKey() {
    }

    /**
     * IPv4 addresses count alone. IPv6 addresses count by their /64: one subscriber usually holds a
     * whole /64 and could otherwise pick a fresh address for every request.
     */
    static String of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return UNKNOWN;
        }
        if (!IPV6_LITERAL.matcher(remoteAddress).matches()) {
            return remoteAddress;
        }
        try {
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
            }
            return address.getHostAddress(); // an IPv4-mapped IPv6 literal
        } catch (UnknownHostException e) {
            return remoteAddress; // not a literal we understand: count it as written
        }
    }
}
