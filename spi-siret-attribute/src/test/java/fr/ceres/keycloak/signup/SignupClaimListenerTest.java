package fr.ceres.keycloak.signup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

/** Which account an administrator's change is about, and which events need no look-up of the account. */
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

    @Test
    @DisplayName("Given the token traffic of a signed-in session, then no account is looked up (the session is not touched)")
    void signedInTrafficIsSkipped() {
        SignupClaimListener listener = new SignupClaimListener(null);
        for (EventType type : List.of(EventType.CODE_TO_TOKEN, EventType.REFRESH_TOKEN, EventType.USER_INFO_REQUEST)) {
            Event event = new Event();
            event.setType(type);
            event.setRealmId("realm");
            event.setUserId("0b1c");
            assertDoesNotThrow(() -> listener.onEvent(event), type.name());
        }
        Event login = new Event();
        login.setType(EventType.LOGIN);
        login.setRealmId("realm");
        login.setUserId("0b1c");
        assertThrows(NullPointerException.class, () -> listener.onEvent(login), "a sign-in does look the account up");
    }
}
