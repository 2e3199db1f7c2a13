package fr.ceres.keycloak.centre.habilitation;

import java.util.List;

import org.keycloak.models.UserModel;

/**
 * A person holding habilitations in one centre, with what they hold there: one line of the centre's
 * access page.
 *
 * @param user          the person
 * @param habilitations what they hold in that centre, by SIRET then role
 */
public record HabilitationHolder(UserModel user, List<Habilitation> habilitations) {

    public HabilitationHolder {
        habilitations = List.copyOf(habilitations);
    }
}
