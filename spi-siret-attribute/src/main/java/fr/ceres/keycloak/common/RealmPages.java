package fr.ceres.keycloak.common;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * The factory of a realm resource, {@code /realms/{realm}/{id}/…}: it reads its options once at start-up and,
 * for each request, makes the JAX-RS object that serves it. A subclass says which object ({@link #resource})
 * and its id; options are read and shown as {@link BundleFactory} says.
 */
public abstract class RealmPages extends BundleFactory implements RealmResourceProviderFactory {

    /** The object serving one request; its public methods are the JAX-RS endpoints. */
    protected abstract Object resource(KeycloakSession session);

    @Override
    public final RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource(session);
            }

            @Override
            public void close() {
            }
        };
    }
}
