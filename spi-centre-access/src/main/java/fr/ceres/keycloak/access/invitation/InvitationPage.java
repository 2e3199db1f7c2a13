package fr.ceres.keycloak.access.invitation;

import java.util.Locale;

import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.access.web.CsrfToken;

/**
 * What {@code ceres-invitation.ftl} shows, under the attribute {@code ceresInvitation}: the
 * invitee's page. {@link #getState()} says which one; the other properties are
 * those that state needs, null otherwise.
 */
public final class InvitationPage {

    /** The link can be accepted by the signed-in person: « Accepter l'invitation ». */
    static final String CONFIRM = "confirm";
    /** The signed-in person accepted it. */
    static final String ACCEPTED = "accepted";
    /** Signed in with another address than the invited one: « Changer de compte ». */
    static final String OTHER_ACCOUNT = "other-account";
    /** Nobody signed in after a trip to the sign-in page (cancelled, failed): a button to try again. */
    static final String SIGN_IN = "sign-in";
    /** A form without the session's anti-forgery token. */
    static final String FORBIDDEN = "forbidden";

    private final String state;
    private Invitation invitation;
    private String company;
    private String accountEmail;
    private String key;
    private String csrf;
    private String actionUrl;
    private String nextUrl;

    private InvitationPage(String state) {
        this.state = state;
    }

    /** A link that cannot be used: one page per {@link OpenedLink.Status}, back to the portal. */
    static InvitationPage closed(OpenedLink.Status status, String portalUrl) {
        InvitationPage page = new InvitationPage(status.name().toLowerCase(Locale.ROOT));
        page.nextUrl = portalUrl;
        return page;
    }

    static InvitationPage confirm(Invitation invitation, String company, String key, String csrf, String actionUrl) {
        InvitationPage page = new InvitationPage(CONFIRM);
        page.invitation = invitation;
        page.company = company;
        page.key = key;
        page.csrf = csrf;
        page.actionUrl = actionUrl;
        return page;
    }

    static InvitationPage accepted(Invitation invitation, String company, String portalUrl) {
        InvitationPage page = new InvitationPage(ACCEPTED);
        page.invitation = invitation;
        page.company = company;
        page.nextUrl = portalUrl;
        return page;
    }

    static InvitationPage otherAccount(Invitation invitation, String accountEmail, String switchUrl) {
        InvitationPage page = new InvitationPage(OTHER_ACCOUNT);
        page.invitation = invitation;
        page.accountEmail = accountEmail;
        page.nextUrl = switchUrl;
        return page;
    }

    static InvitationPage signIn(Invitation invitation, String signInUrl) {
        InvitationPage page = new InvitationPage(SIGN_IN);
        page.invitation = invitation;
        page.nextUrl = signInUrl;
        return page;
    }

    static InvitationPage forbidden(String linkUrl) {
        InvitationPage page = new InvitationPage(FORBIDDEN);
        page.nextUrl = linkUrl;
        return page;
    }

    /** One of confirm, accepted, other-account, sign-in, forbidden, invalid, expired, cancelled, used, superseded. */
    public String getState() {
        return state;
    }

    /** The inviter's name as the email gave it. */
    public String getInviter() {
        return invitation == null ? null : invitation.inviter().name();
    }

    /** {@code gestionnaire} or {@code centre-agree}. */
    public String getRole() {
        return invitation == null ? null : invitation.role().id();
    }

    public String getSiret() {
        return invitation == null ? null : invitation.siret();
    }

    /** The centre's SIRET (its Organization alias). */
    public String getCentre() {
        return invitation == null ? null : invitation.centre();
    }

    /** The invited address. */
    public String getEmail() {
        return invitation == null ? null : invitation.email();
    }

    /** The centre's raison sociale. */
    public String getCompany() {
        return company;
    }

    /** The address of the account signed in, when it is not the invited one. */
    public String getAccountEmail() {
        return accountEmail;
    }

    /** The link's key, posted back with the form. */
    public String getKey() {
        return key;
    }

    public String getCsrf() {
        return csrf;
    }

    public String getCsrfField() {
        return CsrfToken.FIELD;
    }

    /** Where « Accepter l'invitation » posts. */
    public String getActionUrl() {
        return actionUrl;
    }

    /** The page's one way on: the portal, « Changer de compte », « Se connecter » or the link again. */
    public String getNextUrl() {
        return nextUrl;
    }
}
