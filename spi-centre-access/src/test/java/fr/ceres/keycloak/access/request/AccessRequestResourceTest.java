package fr.ceres.keycloak.access.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessRequestResourceTest {

    @Test
    @DisplayName("Given every outcome of asking, then each has its own notice word, one the portal page knows")
    void everyOutcomeHasItsNotice() {
        Set<String> words = Arrays.stream(AccessRequests.Outcome.values())
                .map(AccessRequestResource::notice)
                .collect(Collectors.toSet());
        assertEquals(AccessRequests.Outcome.values().length, words.size(), "one word per outcome");
        words.forEach(word -> assertEquals(word, AccessRequestResource.knownNotice(word)));
        assertEquals("demande-envoyee", AccessRequestResource.notice(AccessRequests.Outcome.SENT));
    }

    @Test
    @DisplayName("Given a notice the page does not know, or none, then the page says nothing")
    void unknownNotice() {
        assertNull(AccessRequestResource.knownNotice(null));
        assertNull(AccessRequestResource.knownNotice("<script>"));
        assertNull(AccessRequestResource.knownNotice("invitation-envoyee"), "the access page's words are not the portal's");
    }
}
