package fr.ceres.keycloak.centre.code;

/** What came of typing a SIRET and an activation code (flow F2). */
public enum RedemptionResult {
    /** The code was the centre's ISSUED code, unexpired, and this call used it up. */
    REDEEMED,
    /** The centre has an ISSUED code and this is not it (or the text cannot be a code). */
    WRONG_CODE,
    /** The right code, but past its expiry: the agent must re-issue. */
    EXPIRED,
    /** The centre's code was already used (possibly a moment ago, by a concurrent request). */
    ALREADY_REDEEMED,
    /** No code was ever issued for this SIRET in this realm, or only voided ones. */
    NO_CODE;

    /** Whether the attempt counts against the rate limits (a typing or guessing mistake). */
    public boolean isFailure() {
        return this == WRONG_CODE || this == NO_CODE;
    }
}
