package fr.ceres.keycloak.access.manage;

import java.util.Optional;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * A « Modifier » or « Retirer » form of the access page: whose habilitation ({@value #PERSON}, the
 * account's id), which one ({@value #SIRET}, {@value #ROLE}) and, to change it, into what
 * ({@value #NEW_SIRET}, {@value #NEW_ROLE}). Values are read as posted; {@link AccessActions} checks them
 * against the centre.
 */
record HabilitationForm(String person, String siret, Optional<CeresRole> role, String newSiret,
                        Optional<CeresRole> newRole) {

    static final String PERSON = "personne";
    static final String SIRET = "siret";
    static final String ROLE = "role";
    static final String NEW_SIRET = "nouveauSiret";
    static final String NEW_ROLE = "nouveauRole";

    static HabilitationForm read(MultivaluedMap<String, String> form) {
        return new HabilitationForm(text(form.getFirst(PERSON)), text(form.getFirst(SIRET)),
                CeresRole.of(text(form.getFirst(ROLE))), text(form.getFirst(NEW_SIRET)),
                CeresRole.of(text(form.getFirst(NEW_ROLE))));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
