package fr.ceres.keycloak.access.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.common.FreeText;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestDecisionFormTest {

    private static MultivaluedMap<String, String> form(String role, String siret, String reason) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (role != null) {
            form.add(RequestDecisionForm.ROLE, role);
        }
        if (siret != null) {
            form.add(RequestDecisionForm.SIRET, siret);
        }
        if (reason != null) {
            form.add(RequestDecisionForm.REASON, reason);
        }
        return form;
    }

    @Test
    @DisplayName("Given « Accepter », then the role is one of the two ids or none, the SIRET as posted without blanks")
    void accept() {
        RequestDecisionForm form = RequestDecisionForm.read(form("gestionnaire", " 41823967900016 ", null));
        assertEquals(Optional.of(CeresRole.GESTIONNAIRE), form.role());
        assertEquals("41823967900016", form.siret());
        assertEquals("", form.reason());
        assertEquals(Optional.of(CeresRole.CENTRE_AGREE), RequestDecisionForm.read(form("centre-agree", "x", null)).role());
        assertEquals(Optional.empty(), RequestDecisionForm.read(form("admin", "x", null)).role());
        assertEquals(Optional.empty(), RequestDecisionForm.read(form(null, null, null)).role());
        assertEquals("", RequestDecisionForm.read(form(null, null, null)).siret());
    }

    @Test
    @DisplayName("Given « Refuser », then the reason is optional, one paragraph, and at most 500 characters")
    void reason() {
        assertTrue(RequestDecisionForm.read(form(null, null, null)).reasonProblem().isEmpty());
        assertEquals("Pas de poste ouvert pour l'instant.",
                RequestDecisionForm.read(form(null, null, "  Pas de poste\r\n  ouvert\tpour l'instant. ")).reason());
        assertEquals("<b>gras</b> & co", RequestDecisionForm.read(form(null, null, "<b>gras</b> & co")).reason(),
                "kept as typed: the templates escape it");
        assertEquals(Optional.empty(), RequestDecisionForm.read(form(null, null, "a".repeat(500))).reasonProblem());
        assertEquals(Optional.of(FreeText.Problem.TOO_LONG), RequestDecisionForm.read(form(null, null, "a".repeat(501))).reasonProblem());
        assertEquals(Optional.empty(), RequestDecisionForm.read(form(null, null, "a".repeat(500) + "   ")).reasonProblem(), "trailing blanks do not count");
        assertEquals(Optional.empty(), RequestDecisionForm.read(form(null, null, "a".repeat(250) + "\r\n" + "a".repeat(249))).reasonProblem(),
                "a line break counts once, as the box's maxlength counts it");
    }

    @Test
    @DisplayName("Given a reason with control, bidirectional or invisible characters, then they are its problem; line breaks and tabs of the text box are not")
    void reasonWithHiddenCharacters() {
        for (String reason : List.of("Complet\u0000", "Complet\u0001", "Complet\u0085", "Complet\u009f", "Poste \u202epourvu",
                "\u2066Complet\u2069", "Com\u200bplet", "Complet\u007f")) {
            assertEquals(Optional.of(FreeText.Problem.HIDDEN_CHARACTER), RequestDecisionForm.read(form(null, null, reason)).reasonProblem(),
                    reason.codePoints().boxed().toList().toString());
        }
        RequestDecisionForm lines = RequestDecisionForm.read(form(null, null, "Poste pourvu.\r\n\tMerci « beaucoup » d’avoir demandé."));
        assertEquals(Optional.empty(), lines.reasonProblem());
        assertEquals("Poste pourvu. Merci « beaucoup » d’avoir demandé.", lines.reason());
        assertEquals("Déjà pourvu", RequestDecisionForm.read(form(null, null, "De\u0301ja\u0300 pourvu")).reason(), "NFC");
    }
}
