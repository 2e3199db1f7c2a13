package fr.ceres.keycloak.siret.register;

import org.keycloak.provider.ProviderFactory;

public interface CompanyRegisterProviderFactory extends ProviderFactory<CompanyRegisterProvider> {
}
