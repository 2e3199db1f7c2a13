package fr.ceres.keycloak.access.store;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A gestionnaire's invitation of an email address to one habilitation of their centre, as stored by
 * {@link InvitationStore}. Times are epoch milliseconds.
 *
 * @param centre      the centre's SIRET (its Organization alias)
 * @param siret       the habilitation's SIRET: the centre's or one of its linked sites
 * @param role        the habilitation's role
 * @param email       the invited address, in the form Keycloak stores addresses ({@link #storedForm})
 * @param inviter     who invited, with the name the email gave them
 * @param expiresAt   when it stops being acceptable; a resend moves it
 * @param linkVersion the version of the emailed link; a resend increments it and so voids older links
 * @param acceptedBy  the account that accepted it, once accepted
 * @param decidedAt   when it was accepted or cancelled
 */
public record Invitation(String id, String centre, String siret, CeresRole role, String email, Actor inviter,
        long createdAt, long expiresAt, State state, int linkVersion, String acceptedBy, Long decidedAt) {

    public enum State {
        PENDING,
        ACCEPTED,
        CANCELLED,
        /** Replaced, once expired, by a newer invitation for the same habilitation and email. */
        EXPIRED
    }

    /**
     * Whether {@code address} (an account's, or one typed on a form) is the invited one: exact equality once
     * both are in the form Keycloak stores and looks accounts up by. Nothing looser: a comparison that folds
     * Unicode case ({@code equalsIgnoreCase}) takes {@code kıosk} (dotless ı) or {@code kioſk} (long s) for
     * {@code kiosk}, and would hand the habilitation, or a verified account, to whoever owns the look-alike.
     */
    public boolean isAddressedTo(String address) {
        return address != null && email.equals(storedForm(address));
    }

    /**
     * An address as Keycloak stores it on an account ({@code UserModel.setEmail} lower-cases with
     * {@link KeycloakModelUtils#toLowerCaseSafe}), trimmed as the forms trim it; invitations are stored so too.
     */
    public static String storedForm(String address) {
        return KeycloakModelUtils.toLowerCaseSafe(address.trim());
    }

    /** Still waiting for an answer: PENDING and not expired at {@code now}. */
    public boolean isLive(long now) {
        return state == State.PENDING && now < expiresAt;
    }
}
