package fr.ceres.keycloak.access.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserSessionModel;

class CsrfTokenTest {

    @Test
    @DisplayName("Given a user session, then its token is 256 random bits kept in the session's note, the same on every call")
    void oneTokenPerSession() {
        UserSessionModel session = session(new HashMap<>());
        String token = CsrfToken.of(session);
        assertEquals(43, token.length(), "32 bytes in base64url without padding");
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertEquals(token, session.getNote(CsrfToken.NOTE));
        assertEquals(token, CsrfToken.of(session));
        assertNotEquals(token, CsrfToken.of(session(new HashMap<>())), "another session, another token");
    }

    @Test
    @DisplayName("Given a session's token, then only that exact value matches; nothing matches a session without one")
    void matches() {
        UserSessionModel session = session(new HashMap<>());
        assertFalse(CsrfToken.matches(session, "anything"), "no token made yet");
        String token = CsrfToken.of(session);
        assertTrue(CsrfToken.matches(session, token));
        assertFalse(CsrfToken.matches(session, token.substring(1)));
        assertFalse(CsrfToken.matches(session, token + "x"));
        assertFalse(CsrfToken.matches(session, ""));
        assertFalse(CsrfToken.matches(session, null));
        assertFalse(CsrfToken.matches(null, token));
    }

    /** A user session reduced to its notes. */
    private static UserSessionModel session(Map<String, String> notes) {
        return (UserSessionModel) Proxy.newProxyInstance(CsrfTokenTest.class.getClassLoader(),
                new Class<?>[] {UserSessionModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getNote" -> notes.get((String) args[0]);
                    case "setNote" -> notes.put((String) args[0], (String) args[1]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
