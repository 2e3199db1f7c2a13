package fr.ceres.keycloak.centre.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The development values the shipped {@code realm-export.json} falls back to when its {@code CERES_*} variables
 * are not set: the client secret {@value #DEV_SECRET} and the addresses of an application on this machine. Known
 * to anyone who reads the project, harmless on a developer's machine, an open door in production.
 */
final class DevDefaults {

    /** The default of {@code ${CERES_CLIENT_SECRET:…}} in realm-export.json. */
    static final String DEV_SECRET = "ceres-dev-secret";

    /**
     * An address on this machine: localhost (or a name under it), 127.x.x.x or [::1], also inside an unresolved
     * placeholder ({@code ${CERES_URL:http://localhost:8081}}, as the admin API stores it).
     */
    private static final Pattern LOOPBACK = Pattern.compile(
            "(?i)[a-z][a-z0-9+.-]*://([^/@]*@)?([^/:@]*\\.)?(localhost|127(\\.\\d{1,3}){3}|\\[::1])(?=[:/}]|$)");

    private DevDefaults() {
    }

    /**
     * What one client still holds of the development defaults, each finding saying what to set instead;
     * {@code addresses} are its root, base, redirect and post-logout redirect addresses.
     */
    static List<String> of(String clientId, String secret, Collection<String> addresses) {
        List<String> found = new ArrayList<>();
        if (secret != null && secret.contains(DEV_SECRET)) {
            found.add("client " + clientId + " has the development secret " + DEV_SECRET
                    + ": set CERES_CLIENT_SECRET to a secret of its own");
        }
        List<String> local = addresses.stream().filter(a -> a != null && LOOPBACK.matcher(a).find()).distinct().toList();
        if (!local.isEmpty()) {
            found.add("client " + clientId + " sends people to this machine (" + String.join(", ", local)
                    + "): set CERES_URL to the application's public address");
        }
        return found;
    }
}
