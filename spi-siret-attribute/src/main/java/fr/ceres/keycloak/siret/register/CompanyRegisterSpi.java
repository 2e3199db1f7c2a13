package fr.ceres.keycloak.siret.register;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The company-register extension point: {@code --spi-company-register--provider=<id>} picks one. */
public final class CompanyRegisterSpi implements Spi {

    public static final String NAME = "company-register";

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
        return CompanyRegisterProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return CompanyRegisterProviderFactory.class;
    }
}
