package fr.ceres.keycloak.siret.register;

import fr.ceres.keycloak.siret.Siret;
import org.keycloak.provider.Provider;

/** Looks establishments up in a company register (public API, INSEE, or a static file). */
public interface CompanyRegisterProvider extends Provider {

    /**
     * For a sign-up or an agent, who come first when the register's calls are counted. Never throws for register
     * trouble: that is {@link LookupResult.Unavailable}.
     */
    LookupResult lookup(Siret siret);

    /**
     * For the anonymous pre-fill of the sign-up form: a register that limits its calls serves it last, and refuses
     * it ({@link LookupResult.Unavailable}) rather than make a sign-up wait.
     */
    default LookupResult lookupForPrefill(Siret siret) {
        return lookup(siret);
    }

    @Override
    default void close() {
    }
}
