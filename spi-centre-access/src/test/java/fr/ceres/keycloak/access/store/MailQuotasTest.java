package fr.ceres.keycloak.access.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;

import fr.ceres.keycloak.common.H2Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailQuotasTest {

    private static final String REALM = InvitationStoreTest.REALM;
    private static final long T0 = InvitationStoreTest.T0;
    private static final String SUBJECT = "organization-1";

    private final H2Schema schema = new H2Schema(new AccessEntityProviderFactory()).applyChangelog().mapEntities();

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    /** Counted as {@link MailQuotas#take} counts, without the lock on Keycloak's row this schema has not. */
    private void sent(String id, String realm, MailQuota quota, String subject) {
        schema.inTransaction(em -> {
            em.persist(new MailSentEntity(id, realm, quota.id(), subject, T0));
            return null;
        });
    }

    private List<String> rows() {
        return schema.inTransaction(em -> em.createQuery("select m.id from MailSentEntity m order by m.id", String.class)
                .getResultList());
    }

    @Test
    @DisplayName("Given a removed subject, then its count in that quota goes, not another subject's, another realm's, nor another quota's")
    void deleteSubject() {
        sent("1", REALM, MailQuota.CENTRE_INVITATIONS, SUBJECT);
        sent("2", REALM, MailQuota.CENTRE_INVITATIONS, SUBJECT);
        sent("3", REALM, MailQuota.CENTRE_INVITATIONS, "organization-2");
        sent("4", "other-realm", MailQuota.CENTRE_INVITATIONS, SUBJECT);
        sent("5", REALM, MailQuota.PERSON_REQUESTS, SUBJECT);

        schema.inTransaction(em -> {
            MailQuotas.deleteSubject(em, REALM, MailQuota.CENTRE_INVITATIONS, SUBJECT);
            return null;
        });

        assertEquals(List.of("3", "4", "5"), rows());
    }
}
