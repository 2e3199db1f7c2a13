package fr.ceres.keycloak.access.invite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import fr.ceres.keycloak.access.gestionnaire.ManagedCentre;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.common.FreeText;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.utils.EmailValidationUtil;

/**
 * What the gestionnaire filled in the dialog « Inviter un utilisateur », as posted, and
 * what is wrong with it. Two ways to name the person: an account of the company chosen in the
 * suggestions of « Utilisateur » (field {@value #PERSON}, the account's email), or « Ajouter son adresse
 * email » for someone without an account (field {@value #EMAIL}); {@value #MODE} says which.
 */
public final class InviteForm {

    static final String MODE = "mode";
    static final String TYPED_NAME = "utilisateur";
    static final String PERSON = "personne";
    static final String EMAIL = "email";
    static final String ROLE = "role";
    static final String SIRET = "siret";

    /** The values of {@value #MODE}. */
    static final String BY_ACCOUNT = "compte";
    static final String BY_EMAIL = "email";

    /** The problem words the template turns into messages, per field. */
    static final String MISSING_PERSON = "personne-manquante";
    static final String INVALID_EMAIL = "email-invalide";
    static final String INVALID_ROLE = "role-invalide";
    static final String INVALID_SIRET = "siret-invalide";

    /** RFC 5321's limit, Keycloak's default for the user profile's emails. */
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_FIELD_LENGTH = 320;

    private final String mode;
    private final String typedName;
    private final String person;
    private final String email;
    private final String role;
    private final String siret;

    InviteForm(String mode, String typedName, String person, String email, String role, String siret) {
        this.mode = BY_EMAIL.equals(mode) ? BY_EMAIL : BY_ACCOUNT;
        this.typedName = FreeText.normalize(text(typedName));
        this.person = text(person);
        this.email = text(email);
        this.role = text(role);
        this.siret = text(siret).replaceAll("[\\s\\u00A0\\u202F]", "");
    }

    static InviteForm read(MultivaluedMap<String, String> form) {
        return new InviteForm(form.getFirst(MODE), form.getFirst(TYPED_NAME), firstFilled(form.get(PERSON)),
                form.getFirst(EMAIL), form.getFirst(ROLE), form.getFirst(SIRET));
    }

    /** An empty dialog, the centre's own SIRET chosen (the procedure's usual case). */
    static InviteForm blank(String centreSiret) {
        return new InviteForm(BY_ACCOUNT, "", "", "", "", centreSiret);
    }

    /** The same values in the other way of naming the person. */
    InviteForm withMode(String newMode) {
        return new InviteForm(newMode, typedName, person, email, role, siret);
    }

    /** What is wrong, by field ({@value #PERSON} or {@value #EMAIL}, {@value #ROLE}, {@value #SIRET}); empty: nothing. */
    Map<String, String> problems(ManagedCentre centre) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (invitedEmailIfValid().isEmpty()) {
            // An account's address is only wrong if forged: the person was not chosen from the list.
            problems.put(byAccount() ? PERSON : EMAIL, byAccount() ? MISSING_PERSON : INVALID_EMAIL);
        }
        if (role().isEmpty()) {
            problems.put(ROLE, INVALID_ROLE);
        }
        if (!centre.hasSiret(siret)) {
            problems.put(SIRET, INVALID_SIRET);
        }
        return problems;
    }

    /** The address to invite, lower-case, if it is one. */
    Optional<String> invitedEmailIfValid() {
        String address = (byAccount() ? person : email).toLowerCase(Locale.ROOT);
        // Keycloak's check lets C1 controls, bidirectional overrides and zero-width characters through in the
        // local part: an invitation must not go to an address that reads as another one.
        return address.length() <= MAX_FIELD_LENGTH && EmailValidationUtil.isValidEmail(address, MAX_LOCAL_PART)
                && !FreeText.hasHiddenCharacter(address, FreeText.Shape.LINE)
                ? Optional.of(address) : Optional.empty();
    }

    Optional<CeresRole> role() {
        return CeresRole.of(role);
    }

    boolean byAccount() {
        return BY_ACCOUNT.equals(mode);
    }

    public String getMode() {
        return mode;
    }

    /** What was typed in « Utilisateur ». */
    public String getTypedName() {
        return typedName;
    }

    /** The chosen account's email. */
    public String getPerson() {
        return person;
    }

    public String getEmail() {
        return email;
    }

    public String getRole() {
        return role;
    }

    public String getSiret() {
        return siret;
    }

    /** The hidden person field may come twice without script (the list's radio and the empty hidden field). */
    private static String firstFilled(List<String> values) {
        return values == null ? "" : values.stream().filter(Objects::nonNull).map(String::strip)
                .filter(v -> !v.isEmpty()).findFirst().orElse("");
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        return stripped.length() > MAX_FIELD_LENGTH ? stripped.substring(0, MAX_FIELD_LENGTH) : stripped;
    }
}
