package fr.ceres.keycloak.access.store;

import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.centre.CentreTables;
import fr.ceres.keycloak.siret.Siret;
import jakarta.persistence.EntityManager;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * This module's tables, {@code CERES_INVITATION} and {@code CERES_MAIL_SENT}, created by {@value #CHANGELOG}; its
 * history is kept in {@code DATABASECHANGELOG_CERES_ACCE}. The id is part of the schema: do not rename it. Its
 * options are the mail quotas counted in those tables ({@link MailQuotaOptions}). A removed centre's invitations,
 * access requests and invitation count go with it; so do a removed person's access requests, the invitations they
 * accepted and their count of requests.
 */
public final class AccessEntityProviderFactory extends CentreTables {

    public static final String PROVIDER_ID = "ceres-access";
    static final String CHANGELOG = "META-INF/ceres-access-changelog.xml";
    static final List<Class<?>> ENTITIES = List.of(CeresInvitationEntity.class, MailSentEntity.class);

    private MailQuotaOptions quotas = MailQuotaOptions.defaults();

    public AccessEntityProviderFactory() {
        super(PROVIDER_ID, CHANGELOG, ENTITIES);
    }

    @Override
    public void init(Config.Scope config) {
        quotas = MailQuotaOptions.read(config);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return MailQuotaOptions.metadata();
    }

    @Override
    protected Map<String, String> options() {
        return quotas.asInfo();
    }

    /** The quotas as this server read them. */
    static MailQuotaOptions quotaOptions(KeycloakSession session) {
        return ((AccessEntityProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(JpaEntityProvider.class, PROVIDER_ID)).quotas;
    }

    @Override
    protected void forgetRealm(EntityManager em, String realmId) {
        new Rows(em).deleteRealm(realmId);
        MailQuotas.deleteRealm(em, realmId);
    }

    @Override
    protected void forgetCentre(EntityManager em, String realmId, Siret siret, String organizationId) {
        new Rows(em).deleteCentre(realmId, siret);
        MailQuotas.deleteSubject(em, realmId, MailQuota.CENTRE_INVITATIONS, organizationId);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                forgetPerson(removed.getKeycloakSession().getProvider(JpaConnectionProvider.class).getEntityManager(),
                        removed.getRealm().getId(), removed.getUser().getId());
            }
        });
    }

    /**
     * Deletes a removed person's rows, in the removal's transaction (Keycloak publishes it once the account is gone).
     * Their failed attempts at codes are the centres module's and stay their day: they count towards the SIRET's
     * alert, which removing one's account must not reset.
     */
    private static void forgetPerson(EntityManager em, String realmId, String userId) {
        new Rows(em).deletePerson(realmId, userId);
        MailQuotas.deleteSubject(em, realmId, MailQuota.PERSON_REQUESTS, userId);
    }
}
