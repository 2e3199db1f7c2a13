package fr.ceres.keycloak.it.support;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Portal accounts made through the admin API, already activated and with every attribute the
 * realm's profile requires, so signing in asks nothing more than the password
 * ({@link Applicant#PASSWORD}).
 */
public final class ActivatedAccounts {

    private ActivatedAccounts() {
    }

    /** Creates the account and returns its id. */
    public static String create(ManagedRealm realm, String email) {
        return create(realm.admin(), email);
    }

    /** Creates the account through any server's admin API (a node of a cluster, say) and returns its id. */
    public static String create(RealmResource realm, String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName("Camille");
        user.setLastName("Durand");
        user.setAttributes(Map.of("siret", List.of("73282932000074"), "civilite", List.of("madame"),
                "telephone", List.of("+33612345678"), "raisonSociale", List.of("LES TILLEULS"),
                "adresse", List.of("14 RUE DES TILLEULS"), "commune", List.of("92100 BOULOGNE-BILLANCOURT")));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(Applicant.PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = realm.users().create(user)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }
}
