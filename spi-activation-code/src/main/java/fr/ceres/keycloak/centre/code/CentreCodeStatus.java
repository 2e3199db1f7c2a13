package fr.ceres.keycloak.centre.code;

import java.util.OptionalLong;

/**
 * Where a centre SIRET stands as far as activation codes go, for the agents' list and pages.
 * Times are epoch milliseconds.
 *
 * @param state the centre's current code situation
 * @param codeExpiresAt when the ISSUED code expires, if there is one
 * @param lastRedeemedAt when a code of this centre was last redeemed, if ever
 */
public record CentreCodeStatus(State state, OptionalLong codeExpiresAt, OptionalLong lastRedeemedAt) {

    public enum State {
        /** Nothing issued yet, or only voided codes. */
        NO_CODE,
        /** An ISSUED code is out there, unexpired, waiting for the future gestionnaire. */
        AWAITING_ACTIVATION,
        /** The ISSUED code has expired unused: re-issue. */
        CODE_EXPIRED,
        /** A code was redeemed and no newer one is pending. */
        ACTIVE
    }

    /** Whether a code of this centre was ever redeemed, even if a newer one is now pending. */
    public boolean everActivated() {
        return lastRedeemedAt.isPresent();
    }
}
