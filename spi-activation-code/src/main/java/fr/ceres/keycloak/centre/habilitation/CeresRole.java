package fr.ceres.keycloak.centre.habilitation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The roles a habilitation gives in Ceres. Each id is a client role of the client {@code ceres} in
 * {@code realm-export.json}, the {@code role} of the token claim, and the key of its labels in the themes
 * ({@code ceresRole.<id>}, and {@code ceresRoleHelp.<id>} for the invite dialog). Pages and emails list and
 * word the roles from here: adding a role takes a constant, its client role in the realm, and its labels.
 *
 * <p>Declared from the least power to the most: pages offer them in this order, and the first is the one a
 * form suggests.
 */
public enum CeresRole {

    /** « Centre agréé »: an ordinary Ceres user for a centre or a linked site. */
    CENTRE_AGREE("centre-agree"),
    /** « Gestionnaire CENTRES »: manages the centre's accounts and habilitations. */
    GESTIONNAIRE("gestionnaire");

    /** The prefix of a role's label in the themes' messages. */
    public static final String LABEL_PREFIX = "ceresRole.";

    private final String id;

    CeresRole(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The key of the role's label in the themes' messages. */
    public String labelKey() {
        return LABEL_PREFIX + id;
    }

    public static Optional<CeresRole> of(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }

    /** Every role's id, in the order pages offer them. */
    public static List<String> offered() {
        return Arrays.stream(values()).map(CeresRole::id).toList();
    }
}
