package fr.ceres.keycloak.centre.deployment;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * What a realm must not bring into production: {@code --spi-ceres-realm-guard--default--<option>} configures its
 * one provider, {@link DevDefaultsGuardFactory}.
 */
public final class RealmGuardSpi implements Spi {

    public static final String NAME = "ceres-realm-guard";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return RealmGuard.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RealmGuardFactory.class;
    }
}
