package fr.ceres.keycloak.centre;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import fr.ceres.keycloak.common.LikePattern;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.Establishment;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The centres agréés of a realm, kept as Keycloak Organizations: alias = SIRET,
 * name = raison sociale, and the attributes {@value #SIREN}, {@value #RAISON_SOCIALE}, {@value #ADRESSE},
 * {@value #COMMUNE}, {@value #REFERENCE_AGREMENT}, {@value #SITES_LIES} (multi-valued). An administrator sees and
 * edits them in the admin console's Organizations pages; the {@value #SIREN} attribute is what tells a centre
 * from any other Organization of the realm.
 *
 * <p>Per request: built on the session's providers, holds no state of its own.
 */
public final class Centres {

    public static final String SIREN = "siren";
    public static final String RAISON_SOCIALE = "raisonSociale";
    public static final String ADRESSE = "adresse";
    public static final String COMMUNE = "commune";
    public static final String REFERENCE_AGREMENT = "referenceAgrement";
    public static final String SITES_LIES = "sitesLies";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationProvider organizations;

    public Centres(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    /** Whether the realm has Organizations turned on; without them there are no centres. */
    public boolean enabled() {
        return organizations != null && organizations.isEnabled();
    }

    /** The centre registered under this SIRET, if any. */
    public Optional<Centre> find(Siret siret) {
        return Optional.ofNullable(organizations.getByAlias(siret.value())).flatMap(Centres::centre);
    }

    /** Whether an Organization, centre or not, already has this SIRET as alias. */
    public boolean exists(Siret siret) {
        return organizations.getByAlias(siret.value()) != null;
    }

    /**
     * Registers a centre from the register's establishment. The Organization's name must be unique in a realm,
     * and two establishments of one company have the same raison sociale: the second one gets its SIRET after the
     * name. May throw Keycloak's {@code ModelDuplicateException} when another request registers the same SIRET at
     * the same moment.
     */
    public Centre register(Establishment establishment, Siret siret, String referenceAgrement, List<Siret> sitesLies) {
        String raisonSociale = establishment.raisonSociale() == null || establishment.raisonSociale().isBlank()
                ? siret.value() : establishment.raisonSociale().strip();
        String name = organizations.getAllStream(raisonSociale, true, 0, 1).findAny().isPresent()
                ? raisonSociale + " (" + siret.value() + ")"
                : raisonSociale;
        OrganizationModel organization = organizations.create(name, siret.value());
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(SIREN, List.of(siret.siren()));
        attributes.put(RAISON_SOCIALE, List.of(raisonSociale));
        putIfText(attributes, ADRESSE, establishment.adresse());
        putIfText(attributes, COMMUNE, establishment.commune());
        attributes.put(REFERENCE_AGREMENT, List.of(referenceAgrement));
        if (!sitesLies.isEmpty()) {
            attributes.put(SITES_LIES, sitesLies.stream().map(Siret::value).toList());
        }
        organization.setAttributes(attributes);
        // Built from what was written: the adapter may keep the attributes it read before.
        return new Centre(organization.getId(), siret, raisonSociale, establishment.adresse(),
                establishment.commune(), referenceAgrement, sitesLies);
    }

    /**
     * One page of centres, by name. A search of digits only (spaces allowed) is a SIRET prefix; anything else is
     * looked for in the name, ignoring case. Keycloak's Organization search covers name and domains but not the
     * alias, so this is one query on Keycloak's own Organization tables, paged in the database.
     */
    public List<Centre> search(String search, int first, int max) {
        String text = search == null ? "" : search.strip();
        String digits = text.replaceAll("[\\s\\u00A0\\u202F]", "");
        boolean bySiret = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        StringBuilder jpql = new StringBuilder("select o.id from OrganizationEntity o where o.realmId = :realmId"
                + " and exists (select a.id from GroupAttributeEntity a where a.group.id = o.groupId and a.name = :siren)");
        if (bySiret) {
            jpql.append(" and o.alias like :pattern escape '\\'");
        } else if (!text.isEmpty()) {
            jpql.append(" and lower(o.name) like :pattern escape '\\'");
        }
        jpql.append(" order by o.name, o.alias");
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        TypedQuery<String> query = em.createQuery(jpql.toString(), String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("siren", SIREN);
        if (bySiret) {
            query.setParameter("pattern", LikePattern.escape(digits) + "%");
        } else if (!text.isEmpty()) {
            query.setParameter("pattern", "%" + LikePattern.escape(text.toLowerCase(Locale.ROOT)) + "%");
        }
        return query.setFirstResult(first).setMaxResults(max).getResultStream()
                .map(organizations::getById)
                .filter(Objects::nonNull)
                .flatMap(organization -> centre(organization).stream())
                .toList();
    }

    /** How many distinct people hold the gestionnaire role in any of the centre's organization groups. */
    public long gestionnaireCount(Centre centre) {
        return gestionnaires(centre).size();
    }

    /** The distinct people holding the gestionnaire role in any of the centre's organization groups. */
    public List<UserModel> gestionnaires(Centre centre) {
        OrganizationModel organization = organizations.getById(centre.organizationId());
        if (organization == null) {
            return List.of();
        }
        Map<String, UserModel> people = new LinkedHashMap<>();
        organizations
                .searchGroupsByAttributes(organization, Map.of(Habilitations.ROLE_ATTRIBUTE, CeresRole.GESTIONNAIRE.id()), null, null)
                .flatMap(this::members)
                .forEach(person -> people.putIfAbsent(person.getId(), person));
        return List.copyOf(people.values());
    }

    private Stream<UserModel> members(GroupModel group) {
        return session.users().getGroupMembersStream(realm, group);
    }

    /** The centre an Organization stands for; empty for an Organization that is not a centre. */
    static Optional<Centre> centre(OrganizationModel organization) {
        Map<String, List<String>> attributes = organization.getAttributes();
        Optional<Siret> siret = Siret.parse(organization.getAlias());
        if (siret.isEmpty() || first(attributes, SIREN).isEmpty()) {
            return Optional.empty();
        }
        String raisonSociale = first(attributes, RAISON_SOCIALE).orElse(organization.getName());
        List<Siret> sites = attributes.getOrDefault(SITES_LIES, List.of()).stream()
                .map(Siret::parse)
                .flatMap(Optional::stream)
                .toList();
        return Optional.of(new Centre(organization.getId(), siret.get(), raisonSociale,
                first(attributes, ADRESSE).orElse(""), first(attributes, COMMUNE).orElse(""),
                first(attributes, REFERENCE_AGREMENT).orElse(""), sites));
    }

    private static Optional<String> first(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes.get(name);
        return values == null ? Optional.empty() : values.stream().filter(Objects::nonNull).findFirst();
    }

    private static void putIfText(Map<String, List<String>> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, List.of(value.strip()));
        }
    }
}
