package fr.ceres.keycloak.centre.habilitation;

import java.util.Arrays;
import java.util.Optional;

/** The two roles a habilitation gives in Ceres; their ids are client roles of the client {@code ceres}. */
public enum CeresRole {

    /** « Gestionnaire CENTRES »: manages the centre's accounts and habilitations. */
    GESTIONNAIRE("gestionnaire"),
    /** « Centre agréé »: an ordinary Ceres user for a centre or a linked site. */
    CENTRE_AGREE("centre-agree");

    private final String id;

    CeresRole(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<CeresRole> of(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }
}
