package fr.ceres.keycloak.access.invite;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import fr.ceres.keycloak.access.web.DeclaredIdentity;
import fr.ceres.keycloak.access.web.PersonName;
import fr.ceres.keycloak.common.FreeText;
import fr.ceres.keycloak.common.LikePattern;
import fr.ceres.keycloak.siret.ProfileAttributes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * « Utilisateur » of the invite dialog: the accounts of the centre's company whose name or
 * email matches what the gestionnaire typed. Only accounts whose {@code siret} attribute starts with the
 * centre's SIREN are ever looked at, never the realm's other people.
 *
 * <p>One query on Keycloak's own user tables, bounded in the database: the SIREN is a range on the
 * {@code (NAME, VALUE)} index of {@code USER_ATTRIBUTE} (a range rather than a {@code LIKE} alone, which
 * PostgreSQL cannot run on that index under a non-C collation), then the name words, without case or accents
 * ({@link AccentFolding}), on the rows of that one company only, at most {@value #MAX_RESULTS} rows back. Keycloak's
 * own user search cannot do this: it reads an attribute by exact value only. Accounts of a user-storage provider (LDAP…) are not in these
 * tables and are not suggested; they can still be invited by email.
 */
public final class PeopleSearch {

    /** Fewer typed characters suggest nothing: the list would be the whole company. */
    public static final int MIN_QUERY_LENGTH = 3;
    public static final int MAX_RESULTS = 10;
    /** Beyond a few words, the query only gets slower for the same answer. */
    private static final int MAX_WORDS = 4;
    private static final int MAX_QUERY_LENGTH = 100;
    private static final String SIREN_DIGITS = "\\d{9}";
    private static final String LAST_SIREN = "999999999";
    /**
     * First and last name in one text: a typed word holds no space, so it is found in the text exactly when it is
     * found in one of the two. The email is only lowered: addresses are ASCII, and folding them too would more than
     * double the time spent on each of the company's accounts.
     */
    private static final String NAME = "concat(coalesce(u.firstName, ''), ' ', coalesce(u.lastName, ''))";
    private static final String FOLDED_NAME = AccentFolding.jpql(NAME);

    private final EntityManager em;

    public PeopleSearch(EntityManager em) {
        this.em = em;
    }

    public static PeopleSearch of(KeycloakSession session) {
        return new PeopleSearch(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    /**
     * Whether the text is long enough to search with, and free of the control or invisible characters no name
     * holds (a NUL would even make PostgreSQL refuse the query).
     */
    public static boolean searchable(String typed) {
        return typed != null && typed.strip().length() >= MIN_QUERY_LENGTH
                && !FreeText.hasHiddenCharacter(typed, FreeText.Shape.LINE);
    }

    /**
     * The enabled, activated accounts of the realm whose SIRET has this SIREN and whose first name, last
     * name or email contains every word typed (ignoring case and accents), by last name, first name, email; at most
     * {@value #MAX_RESULTS}. Empty when the text is not {@linkplain #searchable searchable}.
     */
    public List<Person> sameCompany(String realmId, String siren, String typed) {
        if (!siren.matches(SIREN_DIGITS)) {
            throw new IllegalArgumentException("not a SIREN");
        }
        if (!searchable(typed)) {
            return List.of();
        }
        List<String> words = words(typed);
        boolean bounded = !LAST_SIREN.equals(siren);
        TypedQuery<Object[]> query = em.createQuery(jpql(words.size(), bounded), Object[].class)
                .setParameter("siretAttribute", ProfileAttributes.SIRET)
                .setParameter("statusAttribute", ProfileAttributes.SIRET_STATUT)
                .setParameter("sirenFrom", siren)
                .setParameter("sirenPrefix", siren + "%")
                .setParameter("realmId", realmId);
        if (bounded) {
            query.setParameter("sirenTo", String.format(Locale.ROOT, "%09d", Long.parseLong(siren) + 1));
        }
        for (int i = 0; i < words.size(); i++) {
            query.setParameter("w" + i, "%" + LikePattern.escape(words.get(i)) + "%")
                    .setParameter("p" + i, AccentFolding.beforeFolding(words.get(i)));
        }
        return query.setMaxResults(MAX_RESULTS).getResultStream()
                .map(row -> new Person((String) row[0], (String) row[1], (String) row[2],
                        new DeclaredIdentity((String) row[3], (String) row[4], (String) row[2])))
                .toList();
    }

    /**
     * The query for that many typed words: the SIREN range first, which the {@code (NAME, VALUE)} index of
     * {@code USER_ATTRIBUTE} answers, so the folding below only ever runs on the rows of one company.
     */
    static String jpql(int words, boolean bounded) {
        StringBuilder jpql = new StringBuilder("select u.firstName, u.lastName, u.email, s.value,"
                + " (select max(st.value) from UserAttributeEntity st where st.user = u and st.name = :statusAttribute)"
                + " from UserEntity u join u.attributes s"
                + " where s.name = :siretAttribute and s.value >= :sirenFrom");
        if (bounded) {
            jpql.append(" and s.value < :sirenTo");
        }
        jpql.append(" and s.value like :sirenPrefix"
                + " and u.realmId = :realmId and u.enabled = true and u.emailVerified = true"
                + " and u.serviceAccountClientLink is null and u.email is not null");
        for (int i = 0; i < words; i++) {
            // The unfolded test first: most names fail it, and are never folded.
            jpql.append(" and (lower(u.email) like :w").append(i).append(" escape '\\'")
                    .append(" or (lower(").append(NAME).append(") like :p").append(i).append(" escape '\\'")
                    .append(" and ").append(FOLDED_NAME).append(" like :w").append(i).append(" escape '\\'))");
        }
        return jpql.append(" order by u.lastName, u.firstName, u.email").toString();
    }

    /** The typed words, folded as {@link AccentFolding} folds the columns. */
    static List<String> words(String typed) {
        // NFC, as the sign-up stores names: « é » typed decomposed is folded as « é » stored composed.
        String text = FreeText.normalize(typed);
        if (text.length() > MAX_QUERY_LENGTH) {
            text = text.substring(0, MAX_QUERY_LENGTH);
        }
        return Arrays.stream(AccentFolding.fold(text).split("[\\s\\u00A0\\u202F]+"))
                .filter(w -> !w.isEmpty())
                .distinct()
                .limit(MAX_WORDS)
                .toList();
    }

    /**
     * One suggestion: what the list shows and the address the invitation goes to, also the JSON the
     * dialog's script reads ({@code {"name": …, "email": …, "declared": {…}}}). No account id: the dialog needs
     * none. The SIREN that found the person is only declared: {@link #getDeclared} tells the gestionnaire what
     * is known of it.
     */
    public static final class Person {

        private final String name;
        private final String email;
        private final DeclaredIdentity declared;

        Person(String firstName, String lastName, String email, DeclaredIdentity declared) {
            this.name = PersonName.of(firstName, lastName, email);
            this.email = email;
            this.declared = declared;
        }

        public DeclaredIdentity getDeclared() {
            return declared;
        }

        public String getName() {
            return name;
        }

        public String getEmail() {
            return email;
        }
    }
}
