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
 * Activated portal accounts with the name and SIRET a test chooses (the people of a company, of another
 * company…), made through the admin API like {@link ActivatedAccounts}; password {@link Applicant#PASSWORD}.
 */
public final class PortalAccounts {

    private PortalAccounts() {
    }

    /** Creates the account and returns its id. */
    public static String create(ManagedRealm realm, String email, String firstName, String lastName, String siret) {
        return create(realm.admin(), email, firstName, lastName, siret);
    }

    /** Creates the account through any server's admin API (a node of a cluster, say) and returns its id. */
    public static String create(RealmResource realm, String email, String firstName, String lastName, String siret) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setAttributes(Map.of("siret", List.of(siret), "civilite", List.of("madame"),
                "telephone", List.of("+33612345678"), "raisonSociale", List.of("ENTREPRISE " + siret.substring(0, 9)),
                "adresse", List.of("1 RUE DE LA GARE"), "commune", List.of("69002 LYON")));
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
