package fr.ceres.keycloak.centre.habilitation;

import java.util.Comparator;

/**
 * The right of one user to act in Ceres for one SIRET with one role.
 *
 * @param siret  the establishment the right is for: the centre itself or one of its linked sites
 * @param role   what the user may do there
 * @param centre the SIRET of the centre agréé the establishment belongs to (its Organization alias)
 */
public record Habilitation(String siret, CeresRole role, String centre) {

    /** How lists show them: by centre, then SIRET, then the role with the most power first. */
    public static final Comparator<Habilitation> DISPLAY_ORDER = Comparator.comparing(Habilitation::centre)
            .thenComparing(Habilitation::siret)
            .thenComparing(Habilitation::role, Comparator.reverseOrder());
}
