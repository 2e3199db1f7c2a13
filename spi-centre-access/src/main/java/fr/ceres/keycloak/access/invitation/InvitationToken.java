package fr.ceres.keycloak.access.invitation;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.ceres.keycloak.access.store.Invitation;
import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The key of an invitation link: an action token, signed with the realm's keys like
 * every Keycloak action token, naming the invitation, the link version and the invited address.
 * It expires with the invitation. It is never stored: the invitation row is the state, and the
 * link version tells a resent link from the ones it voids.
 *
 * <p>Only our invitation page reads it ({@link InvitationLinks#verify}). Keycloak's own
 * {@code /login-actions/action-token} endpoint cannot: it needs an existing user as subject, and
 * an invitee may have no account yet. So the token has no subject and no handler.
 */
public final class InvitationToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "ceres-invitation";

    private static final String INVITATION = "ceres_inv";
    private static final String LINK_VERSION = "ceres_lv";

    @JsonProperty(INVITATION)
    private String invitationId;

    @JsonProperty(LINK_VERSION)
    private int linkVersion;

    InvitationToken(Invitation invitation) {
        super(null, TOKEN_TYPE, (int) (invitation.expiresAt() / 1000), null);
        this.invitationId = invitation.id();
        this.linkVersion = invitation.linkVersion();
        setEmail(invitation.email());
    }

    /** For Jackson. */
    private InvitationToken() {
    }

    public String getInvitationId() {
        return invitationId;
    }

    public int getLinkVersion() {
        return linkVersion;
    }
}
