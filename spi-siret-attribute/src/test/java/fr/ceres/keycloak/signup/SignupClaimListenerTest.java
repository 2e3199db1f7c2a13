package fr.ceres.keycloak.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which account an administrator's change is about, from the admin event's resource path. */
class SignupClaimListenerTest {

    @Test
    @DisplayName("Given a change to an account or to anything under it, then the account's id is read")
    void accountPaths() {
        assertEquals(Optional.of("0b1c"), SignupClaimListener.userOf("users/0b1c"));
        assertEquals(Optional.of("0b1c"), SignupClaimListener.userOf("users/0b1c/groups/9f"));
    }

    @Test
    @DisplayName("Given a change to something else, or no path, then no account is named")
    void otherPaths() {
        assertEquals(Optional.empty(), SignupClaimListener.userOf("groups/9f"));
        assertEquals(Optional.empty(), SignupClaimListener.userOf("users/"));
        assertEquals(Optional.empty(), SignupClaimListener.userOf("userssomething"));
        assertEquals(Optional.empty(), SignupClaimListener.userOf(null));
    }
}
