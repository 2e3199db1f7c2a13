package fr.ceres.keycloak.bench;

import fr.ceres.keycloak.it.support.CeresAuthorization;

/** A PKCE verifier and its S256 challenge, as a client makes one for each sign-in. */
record Pkce(String verifier, String challenge) {

    static Pkce random() {
        String verifier = CeresAuthorization.randomVerifier();
        return new Pkce(verifier, CeresAuthorization.challenge(verifier));
    }
}
