package fr.ceres.keycloak.it.support;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/** How long the realm's activation links (Keycloak's verify-email action tokens) last, set as an administrator does. */
public final class ActivationLinkLifespan {

    private static final String ATTRIBUTE = "actionTokenGeneratedByUserLifespan.verify-email";

    private ActivationLinkLifespan() {
    }

    /** Short, the sign-ups not activated fall due for the purge at once; the shipped realm's is a day (86,400 s). */
    public static void set(RealmResource realm, int seconds) {
        RealmRepresentation representation = realm.toRepresentation();
        representation.getAttributes().put(ATTRIBUTE, Integer.toString(seconds));
        realm.update(representation);
    }
}
