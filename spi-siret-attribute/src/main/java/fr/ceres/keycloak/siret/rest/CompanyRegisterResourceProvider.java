package fr.ceres.keycloak.siret.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class CompanyRegisterResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final Prefill prefill;

    CompanyRegisterResourceProvider(KeycloakSession session, Prefill prefill) {
        this.session = session;
        this.prefill = prefill;
    }

    @Override
    public Object getResource() {
        return new CompanyRegisterResource(session, prefill);
    }

    @Override
    public void close() {
    }
}
