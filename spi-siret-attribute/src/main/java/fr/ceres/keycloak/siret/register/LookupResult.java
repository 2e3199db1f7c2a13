package fr.ceres.keycloak.siret.register;

/**
 * What a company register says of one SIRET. {@link Unavailable} is not an answer about the SIRET:
 * the register could not be asked (down, too slow, rate-limited, garbled answer).
 */
public sealed interface LookupResult {

    record Found(Establishment establishment) implements LookupResult {
    }

    record NotFound() implements LookupResult {
    }

    record Unavailable(String reason) implements LookupResult {
    }
}
