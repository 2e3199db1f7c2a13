package fr.ceres.keycloak.centre.habilitation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RoleModel;
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

    public static final String SIRET_ATTRIBUTE = "ceres.siret";
    public static final String ROLE_ATTRIBUTE = "ceres.role";
    /** The relying application whose client roles the groups carry. */
    public static final String CERES_CLIENT_ID = "ceres";

    private final KeycloakSession session;
    private final OrganizationProvider organizations;

    public Habilitations(KeycloakSession session) {
        this.session = session;
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    /**
     * Gives the user the habilitation: (unmanaged) membership of the centre's Organization, then
     * membership of its group for (SIRET, role), created on first use with the client role of
     * {@code ceres}. Does nothing the user already has. Runs in the caller's transaction.
     */
    public void grant(OrganizationModel centre, String siret, CeresRole role, UserModel user) {
        if (!organizations.isMember(centre, user)) {
            organizations.addMember(centre, user);
        }
        GroupModel group = groupOf(centre, siret, role).orElseGet(() -> createGroup(centre, siret, role));
        if (!user.isMemberOf(group)) {
            user.joinGroup(group);
        }
    }

    /**
     * The group is found by its attributes, not its name: the name is only a label that an
     * administrator may change in the admin console, while the attributes are what {@link #of}
     * reads, so looking up by them can never create a second group for the same habilitation.
     */
    private Optional<GroupModel> groupOf(OrganizationModel centre, String siret, CeresRole role) {
        return organizations.searchGroupsByAttributes(centre,
                        Map.of(SIRET_ATTRIBUTE, siret, ROLE_ATTRIBUTE, role.id()), 0, 1)
                .findFirst();
    }

    private GroupModel createGroup(OrganizationModel centre, String siret, CeresRole role) {
        GroupModel group = organizations.createGroup(centre, role.id() + " " + siret, null);
        group.setSingleAttribute(SIRET_ATTRIBUTE, siret);
        group.setSingleAttribute(ROLE_ATTRIBUTE, role.id());
        group.grantRole(clientRole(role));
        return group;
    }

    private RoleModel clientRole(CeresRole role) {
        // Fail loudly on a realm without the client or its roles: the caller's transaction then
        // rolls back, so no habilitation (and no used-up activation code) is half-made.
        ClientModel ceres = session.getContext().getRealm().getClientByClientId(CERES_CLIENT_ID);
        RoleModel clientRole = ceres == null ? null : ceres.getRole(role.id());
        if (clientRole == null) {
            throw new IllegalStateException("client role " + role.id() + " of client " + CERES_CLIENT_ID
                    + " missing in realm " + session.getContext().getRealm().getName());
        }
        return clientRole;
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
