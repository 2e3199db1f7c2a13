package fr.ceres.keycloak.centre.deployment;

import org.keycloak.provider.ProviderFactory;

public interface RealmGuardFactory extends ProviderFactory<RealmGuard> {
}
