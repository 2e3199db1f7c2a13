package fr.ceres.keycloak.siret.register;

import fr.ceres.keycloak.siret.Siret;
import org.keycloak.provider.Provider;

/** Looks establishments up in a company register (public API, INSEE, or a static file). */
public interface CompanyRegisterProvider extends Provider {

    /** Never throws for register trouble: that is {@link LookupResult.Unavailable}. */
    LookupResult lookup(Siret siret);

    @Override
    default void close() {
    }
}
