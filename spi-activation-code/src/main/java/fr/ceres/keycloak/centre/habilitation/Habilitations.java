package fr.ceres.keycloak.centre.habilitation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Habilitations in Keycloak's own model: membership of the centre's Organization,
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
     *
     * <p>Searched by one attribute, the role checked here: Keycloak 26.7's
     * {@code searchGroupsByAttributes} puts every attribute's condition on one joined attribute row,
     * so a search by two attributes never finds anything (and the second person given the same
     * habilitation would then fail on the group's duplicate name).
     */
    private Optional<GroupModel> groupOf(OrganizationModel centre, String siret, CeresRole role) {
        return organizations.searchGroupsByAttributes(centre, Map.of(SIRET_ATTRIBUTE, siret), null, null)
                .filter(group -> role.id().equals(group.getFirstAttribute(ROLE_ATTRIBUTE)))
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

    /**
     * Whether a centre grants anything: the one rule of "the centre is active". An administrator suspends a centre
     * by disabling its Organization (Keycloak then drops it from its own {@code organization} claim); every right
     * the bundle reads or gives follows the same switch, and nothing is deleted, so enabling it again gives
     * everything back as it was.
     */
    public static boolean isActive(OrganizationModel centre) {
        return centre != null && centre.isEnabled();
    }

    /** What the user holds, in every active centre they belong to (see {@link #isActive}). */
    public List<Habilitation> of(UserModel user) {
        return held(user).distinct().toList();
    }

    /**
     * Whether the user holds anything in an active centre: {@link #of} stopped at the first habilitation found, so a
     * sign-in to Ceres (which asks only this) reads the groups of one centre, not of every centre the person is in.
     */
    public boolean holdsAny(UserModel user) {
        return held(user).findAny().isPresent();
    }

    /** The user's habilitations, centre by centre, each centre's groups read when the stream reaches it. */
    private Stream<Habilitation> held(UserModel user) {
        return organizations.getByMember(user)
                .filter(Habilitations::isActive)
                .flatMap(centre -> organizations.getOrganizationGroupsByMember(centre, user)
                        .flatMap(group -> habilitation(centre, group).stream()));
    }

    /** Whether the user holds that habilitation in that centre. */
    public boolean holds(OrganizationModel centre, String siret, CeresRole role, UserModel user) {
        return organizations.isMember(centre, user)
                && groupOf(centre, siret, role).map(user::isMemberOf).orElse(false);
    }

    /**
     * Everybody holding a habilitation in the centre, with what they hold there, by name then email:
     * the members of the centre's habilitation groups (a centre has a handful of them).
     */
    public List<HabilitationHolder> holders(OrganizationModel centre) {
        RealmModel realm = session.getContext().getRealm();
        Map<String, UserModel> people = new HashMap<>();
        Map<String, List<Habilitation>> held = new HashMap<>();
        for (CeresRole role : CeresRole.values()) {
            organizations.searchGroupsByAttributes(centre, Map.of(ROLE_ATTRIBUTE, role.id()), null, null)
                    .forEach(group -> habilitation(centre, group).ifPresent(habilitation ->
                            session.users().getGroupMembersStream(realm, group).forEach(user -> {
                                people.putIfAbsent(user.getId(), user);
                                held.computeIfAbsent(user.getId(), id -> new ArrayList<>()).add(habilitation);
                            })));
        }
        return people.values().stream()
                .map(user -> new HabilitationHolder(user, held.get(user.getId()).stream()
                        .distinct()
                        .sorted(Habilitation.DISPLAY_ORDER)
                        .toList()))
                .sorted(Comparator.comparing((HabilitationHolder h) -> lower(h.user().getLastName()))
                        .thenComparing(h -> lower(h.user().getFirstName()))
                        .thenComparing(h -> lower(h.user().getEmail())))
                .toList();
    }

    /**
     * Takes the habilitation from the user, unless it is the centre's last gestionnaire habilitation.
     * The centre is locked first (see {@link CentreLock}), so concurrent revocations on any nodes cannot
     * leave it without a gestionnaire. Someone left with no habilitation in the centre also leaves its
     * Organization. Runs in the caller's transaction.
     */
    public HabilitationChange revoke(OrganizationModel centre, String siret, CeresRole role, UserModel user) {
        CentreLock lock = new CentreLock(session);
        lock.lock(centre);
        return revokeLocked(lock, centre, siret, role, user);
    }

    /**
     * Replaces one habilitation of the user by another (a new role, a new SIRET, or both) under the
     * centre's lock: the new one is given first, then the old one taken, so a gestionnaire moved to
     * another SIRET of the centre stays counted, and the last gestionnaire made centre agréé is refused
     * with nothing changed. Runs in the caller's transaction.
     */
    public HabilitationChange change(OrganizationModel centre, UserModel user, String fromSiret, CeresRole fromRole,
            String toSiret, CeresRole toRole) {
        CentreLock lock = new CentreLock(session);
        lock.lock(centre);
        if (!holds(centre, fromSiret, fromRole, user)) {
            return HabilitationChange.NOT_HELD;
        }
        if (fromSiret.equals(toSiret) && fromRole == toRole) {
            return HabilitationChange.DONE;
        }
        if (fromRole == CeresRole.GESTIONNAIRE && toRole != CeresRole.GESTIONNAIRE
                && lock.gestionnaireHabilitations(centre) <= 1) {
            return HabilitationChange.LAST_GESTIONNAIRE;
        }
        grant(centre, toSiret, toRole, user);
        return revokeLocked(lock, centre, fromSiret, fromRole, user);
    }

    private HabilitationChange revokeLocked(CentreLock lock, OrganizationModel centre, String siret, CeresRole role,
            UserModel user) {
        Optional<GroupModel> group = groupOf(centre, siret, role);
        if (group.isEmpty() || !organizations.isMember(centre, user) || !user.isMemberOf(group.get())) {
            return HabilitationChange.NOT_HELD;
        }
        if (role == CeresRole.GESTIONNAIRE && lock.gestionnaireHabilitations(centre) <= 1) {
            return HabilitationChange.LAST_GESTIONNAIRE;
        }
        user.leaveGroup(group.get());
        boolean holdsOthers = organizations.getOrganizationGroupsByMember(centre, user)
                .anyMatch(other -> habilitation(centre, other).isPresent());
        // Never for a managed member: Keycloak deletes the account of a managed member it removes.
        if (!holdsOthers && !organizations.isManagedMember(centre, user)) {
            organizations.removeMember(centre, user);
        }
        return HabilitationChange.DONE;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static Optional<Habilitation> habilitation(OrganizationModel centre, GroupModel group) {
        String siret = group.getFirstAttribute(SIRET_ATTRIBUTE);
        return Optional.ofNullable(siret)
                .flatMap(s -> CeresRole.of(group.getFirstAttribute(ROLE_ATTRIBUTE)))
                .map(role -> new Habilitation(siret, role, centre.getAlias()));
    }
}
