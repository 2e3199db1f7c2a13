package fr.ceres.keycloak.access.store;

import fr.ceres.keycloak.common.BundleMetrics;
import org.keycloak.models.KeycloakSession;

/**
 * The counters of invitations and access requests, tagged {@code outcome}; each is counted where its event is
 * recorded. What is stored (sent, asked, accepted, refused by a gestionnaire) counts once committed; a refused
 * acceptance of an invitation stores nothing and counts at once.
 */
public final class AccessMetrics {

    static final BundleMetrics.Count INVITATIONS = new BundleMetrics.Count("ceres.invitations",
            "Invitations sent by gestionnaires, accepted by their invitee, or whose acceptance was refused");
    static final BundleMetrics.Count ACCESS_REQUESTS = new BundleMetrics.Count("ceres.access.requests",
            "Access requests asked by a person, accepted or refused by a gestionnaire");

    private static final String OUTCOME = "outcome";

    private AccessMetrics() {
    }

    public static void invitationSent(KeycloakSession session) {
        BundleMetrics.keycloak().countOnCommit(session, INVITATIONS, OUTCOME, "sent");
    }

    public static void invitationAccepted(KeycloakSession session) {
        BundleMetrics.keycloak().countOnCommit(session, INVITATIONS, OUTCOME, "accepted");
    }

    /** Another account signed in than the invited one, or the centre no longer holds the invitation's SIRET. */
    public static void invitationRefused() {
        BundleMetrics.keycloak().count(INVITATIONS, OUTCOME, "refused");
    }

    public static void requestAsked(KeycloakSession session) {
        BundleMetrics.keycloak().countOnCommit(session, ACCESS_REQUESTS, OUTCOME, "asked");
    }

    public static void requestAccepted(KeycloakSession session) {
        BundleMetrics.keycloak().countOnCommit(session, ACCESS_REQUESTS, OUTCOME, "accepted");
    }

    public static void requestRefused(KeycloakSession session) {
        BundleMetrics.keycloak().countOnCommit(session, ACCESS_REQUESTS, OUTCOME, "refused");
    }
}
