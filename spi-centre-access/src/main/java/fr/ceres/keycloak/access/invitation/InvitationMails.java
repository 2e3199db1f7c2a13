package fr.ceres.keycloak.access.invitation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.access.web.CompanyName;
import fr.ceres.keycloak.common.ThemedMail;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

/**
 * Sends the invitation email through Keycloak's {@link EmailTemplateProvider}, with the
 * realm's SMTP settings and the email theme's {@code ceres-invitation.ftl}: the procedure's text naming
 * the inviter, the role and the company, the link and when it stops working.
 */
public final class InvitationMails {

    static final String TEMPLATE = "ceres-invitation.ftl";
    static final String SUBJECT = "ceresInvitationSubject";
    static final String ATTRIBUTE = "ceresInvitation";
    /** The ministry's clock: an expiry in UTC would read one or two hours off to every invitee. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final KeycloakSession session;

    public InvitationMails(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Emails the invitation's link (at its current link version) to the invited address. Throws
     * when the email cannot be made or handed to the SMTP server: the caller then rolls back and
     * says so, so that no invitation is stored that nobody received.
     */
    public void sendInvitation(Invitation invitation, OrganizationModel centre) throws EmailException {
        RealmModel realm = session.getContext().getRealm();
        ZonedDateTime expiry = Instant.ofEpochMilli(invitation.expiresAt()).atZone(PARIS);
        ThemedMail.send(session, recipient(realm, invitation.email()), invitation.email(), SUBJECT, TEMPLATE, ATTRIBUTE,
                new InvitationMail(invitation.inviter().name(), invitation.role().id(), CompanyName.of(centre),
                        new InvitationLinks(session, realm).link(invitation).toString(),
                        DATE.format(expiry), TIME.format(expiry)));
    }

    /**
     * The invitee's account, or for someone without one a user that exists only in memory (as
     * Keycloak's own organization invitations do): the template provider needs a user to render.
     */
    private UserModel recipient(RealmModel realm, String email) {
        UserModel account = session.users().getUserByEmail(realm, email);
        if (account != null) {
            return account;
        }
        UserModel newcomer = new InMemoryUserAdapter(session, realm, null);
        newcomer.setEmail(email);
        return newcomer;
    }
}
