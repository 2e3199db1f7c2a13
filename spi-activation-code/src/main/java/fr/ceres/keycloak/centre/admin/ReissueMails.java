package fr.ceres.keycloak.centre.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.common.PortalUrls;
import fr.ceres.keycloak.common.ThemedMail;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The email telling a centre's gestionnaires that an agent re-issued its code ({@code ceres-code-reissued.ftl} of the
 * email theme), each in their own language: whoever redeems the new code becomes one more gestionnaire, and they
 * must be able to object. Sent in the request's transaction: when one email cannot be handed to the SMTP server,
 * the caller rolls the re-issue back.
 */
final class ReissueMails {

    static final String TEMPLATE = "ceres-code-reissued.ftl";
    static final String SUBJECT = "ceresCodeReissuedSubject";
    static final String ATTRIBUTE = "ceresCodeReissued";

    private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private final KeycloakSession session;

    ReissueMails(KeycloakSession session) {
        this.session = session;
    }

    void send(Centre centre, ReissueReason reason, long at, List<UserModel> gestionnaires) throws EmailException {
        CodeReissuedMail mail = new CodeReissuedMail(centre.raisonSociale(), centre.siret().value(), reason.text(),
                FRENCH_DATE_TIME.format(Instant.ofEpochMilli(at)),
                PortalUrls.portal(session.getContext().getUri().getBaseUri(), session.getContext().getRealm().getName())
                        .toString());
        for (UserModel gestionnaire : gestionnaires) {
            if (gestionnaire.getEmail() != null) {
                ThemedMail.send(session, gestionnaire, gestionnaire.getEmail(), SUBJECT, TEMPLATE, ATTRIBUTE, mail);
            }
        }
    }
}
