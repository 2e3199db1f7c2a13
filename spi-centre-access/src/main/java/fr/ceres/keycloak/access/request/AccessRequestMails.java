package fr.ceres.keycloak.access.request;

import java.net.URI;
import java.util.List;

import fr.ceres.keycloak.access.web.CompanyName;
import fr.ceres.keycloak.access.web.DeclaredIdentity;
import fr.ceres.keycloak.access.web.PersonName;
import fr.ceres.keycloak.centre.habilitation.Habilitation;
import fr.ceres.keycloak.common.PortalUrls;
import fr.ceres.keycloak.common.ThemedMail;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The two emails of an access request: to the centre's gestionnaires when someone asks,
 * and to that person when a gestionnaire decides. Sent through Keycloak's {@link EmailTemplateProvider},
 * each in its recipient's language (their account's, else the realm's French).
 */
public final class AccessRequestMails {

    static final String REQUEST_TEMPLATE = "ceres-access-request.ftl";
    static final String DECISION_TEMPLATE = "ceres-access-decision.ftl";

    private final KeycloakSession session;
    private final RealmModel realm;

    public AccessRequestMails(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /**
     * Tells every gestionnaire of the centre. Throws when one email cannot be handed to the SMTP server:
     * the caller rolls back, so no request is stored that no gestionnaire heard of.
     */
    void sendRequest(OrganizationModel centre, UserModel requester, List<UserModel> gestionnaires)
            throws EmailException {
        AccessRequestMail mail = new AccessRequestMail(PersonName.of(requester), requester.getEmail(), DeclaredIdentity.of(requester),
                CompanyName.of(centre), PortalUrls.accessPage(baseUri(), realm.getName(), centre.getAlias()).toString());
        for (UserModel gestionnaire : gestionnaires) {
            send(gestionnaire, "ceresAccessRequestSubject", REQUEST_TEMPLATE, "ceresAccessRequest", mail);
        }
    }

    public void sendAccepted(OrganizationModel centre, UserModel requester, UserModel decider, Habilitation granted)
            throws EmailException {
        send(requester, "ceresAccessDecisionAcceptedSubject", DECISION_TEMPLATE, "ceresAccessDecision",
                AccessDecisionMail.accepted(PersonName.of(decider), CompanyName.of(centre), granted.role().id(), granted.siret(),
                        PortalUrls.portal(baseUri(), realm.getName()).toString()));
    }

    public void sendRefused(OrganizationModel centre, UserModel requester, UserModel decider, String reason) throws EmailException {
        send(requester, "ceresAccessDecisionRefusedSubject", DECISION_TEMPLATE, "ceresAccessDecision",
                AccessDecisionMail.refused(PersonName.of(decider), CompanyName.of(centre), reason));
    }

    private void send(UserModel recipient, String subject, String template, String attribute, Object mail)
            throws EmailException {
        ThemedMail.send(session, recipient, recipient.getEmail(), subject, template, attribute, mail);
    }

    private URI baseUri() {
        return session.getContext().getUri().getBaseUri();
    }
}
