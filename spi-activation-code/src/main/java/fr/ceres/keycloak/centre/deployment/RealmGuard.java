package fr.ceres.keycloak.centre.deployment;

import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/** Checks a realm as it is created (imported at start, or through the admin API). */
public interface RealmGuard extends Provider {

    /** Throws, which undoes the creation, when the realm must not exist as it is. */
    void checkCreated(RealmModel realm) throws ModelException;

    @Override
    default void close() {
    }
}
