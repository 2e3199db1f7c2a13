package fr.ceres.keycloak.centre.habilitation;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Habilitations in Keycloak's own model (DESIGN.md §3): membership of the centre's Organization,
 * plus membership of the organization group of one (SIRET, role), a group that carries the
 * client role of {@code ceres}. Administrators therefore see them in the admin console's
 * Organizations pages, and Keycloak's {@code organization} claim lists the centres.
 *
 * <p>A group says which habilitation it is through two attributes, not through its name, so an
 * administrator may rename it.
 */
public final class Habilitations {

    static final String SIRET_ATTRIBUTE = "ceres.siret";
    static final String ROLE_ATTRIBUTE = "ceres.role";

    private final OrganizationProvider organizations;

    public Habilitations(KeycloakSession session) {
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    /** What the user holds, in every centre they belong to. */
    public List<Habilitation> of(UserModel user) {
        return organizations.getByMember(user)
                .flatMap(centre -> organizations.getOrganizationGroupsByMember(centre, user)
                        .flatMap(group -> habilitation(centre, group).stream()))
                .distinct()
                .toList();
    }

    private static Optional<Habilitation> habilitation(OrganizationModel centre, GroupModel group) {
        String siret = group.getFirstAttribute(SIRET_ATTRIBUTE);
        return Optional.ofNullable(siret)
                .flatMap(s -> CeresRole.of(group.getFirstAttribute(ROLE_ATTRIBUTE)))
                .map(role -> new Habilitation(siret, role, centre.getAlias()));
    }
}
