package fr.ceres.keycloak.it.support;

import java.util.Locale;
import java.util.stream.IntStream;

import fr.ceres.keycloak.siret.Siret;

/** SIRETs made up by the tests in ranges of their own, valid for the bundle's own check. */
public final class GeneratedSirets {

    private GeneratedSirets() {
    }

    /** The valid SIRET beginning with these 13 digits: the key digit the bundle accepts added. */
    public static String withKey(long first13) {
        String digits = String.format(Locale.ROOT, "%013d", first13);
        return IntStream.rangeClosed(0, 9).mapToObj(key -> digits + key)
                .filter(candidate -> Siret.parse(candidate).isPresent()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no key for " + digits));
    }

    /** Establishment 0001 of the company whose SIREN is {@code siren}. */
    public static String firstEstablishment(long siren) {
        return withKey(siren * 10_000L + 1);
    }
}
