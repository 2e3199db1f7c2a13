package fr.ceres.keycloak.bench;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The benchmarks' centre « Les Tilleuls » and its gestionnaire, set up as an administrator would in
 * the admin console (the agents' API and the attach page are the end-to-end tests' business): one
 * Organization with the attributes the agents' API writes, and habilitations as organization
 * groups carrying the client roles of {@code ceres}.
 */
final class BenchCentre {

    static final String SIRET = "73282932000074";
    static final String SIREN = "732829320";
    static final String[] SITES = {"73282932000108", "73282932000116"};
    static final String EMAIL = "bench@tilleuls.fr";
    static final String PASSWORD = "Formation-2026";

    private final RealmResource realm;
    private final String ceresUuid;

    BenchCentre(RealmResource realm) {
        this.realm = realm;
        this.ceresUuid = realm.clients().findByClientId("ceres").get(0).getId();
    }

    /** Creates the centre and its gestionnaire, who also holds {@code centre-agree} on each linked site. */
    String gestionnaire() {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(EMAIL);
        user.setEmail(EMAIL);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName("Camille");
        user.setLastName("Durand");
        user.setAttributes(Map.of("siret", List.of(SIRET), "civilite", List.of("madame"),
                "telephone", List.of("+33612345678"), "raisonSociale", List.of("LES TILLEULS"),
                "adresse", List.of("14 RUE DES TILLEULS"), "commune", List.of("92100 BOULOGNE-BILLANCOURT")));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String userId;
        try (Response response = realm.users().create(user)) {
            userId = CreatedResponseUtil.getCreatedId(response);
        }

        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName("CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS");
        organization.setAlias(SIRET);
        organization.setEnabled(true);
        organization.setAttributes(Map.of("siren", List.of(SIREN),
                "raisonSociale", List.of("CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS"),
                "adresse", List.of("14 RUE DES TILLEULS"), "commune", List.of("92100 BOULOGNE-BILLANCOURT"),
                "referenceAgrement", List.of("TP-2026-0001"), "sitesLies", List.of(SITES)));
        OrganizationResource centre;
        try (Response response = realm.organizations().create(organization)) {
            centre = realm.organizations().get(CreatedResponseUtil.getCreatedId(response));
        }
        centre.members().addMember(userId).close();
        habilitation(centre, userId, SIRET, "gestionnaire");
        for (String site : SITES) {
            habilitation(centre, userId, site, "centre-agree");
        }
        return userId;
    }

    private void habilitation(OrganizationResource centre, String userId, String siret, String role) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(role + " " + siret);
        group.setAttributes(Map.of("ceres.siret", List.of(siret), "ceres.role", List.of(role)));
        String groupId;
        try (Response response = centre.groups().addTopLevelGroup(group)) {
            groupId = CreatedResponseUtil.getCreatedId(response);
        }
        centre.groups().group(groupId).roles().clientLevel(ceresUuid)
                .add(List.of(realm.clients().get(ceresUuid).roles().get(role).toRepresentation()));
        centre.groups().group(groupId).addMember(userId);
    }
}
