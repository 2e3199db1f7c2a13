package fr.ceres.keycloak.access.manage;

import java.util.Optional;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.common.FreeText;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The « Accepter » and « Refuser » forms of an access request on the access page: the role
 * ({@value #ROLE}) and SIRET ({@value #SIRET}) given on accepting, the reason ({@value #REASON}, optional)
 * given on refusing, with what is wrong with it. Values are read as posted; {@link AccessActions} checks them
 * against the centre.
 */
record RequestDecisionForm(Optional<CeresRole> role, String siret, String reason,
                           Optional<FreeText.Problem> reasonProblem) {

    static final String ROLE = "role";
    static final String SIRET = "siret";
    static final String REASON = "motif";
    /** Long enough for a few sentences; the page's field says so too (its {@code maxlength}). */
    static final int REASON_MAX_LENGTH = 500;

    static RequestDecisionForm read(MultivaluedMap<String, String> form) {
        String typed = FreeText.normalize(form.getFirst(REASON));
        // The email's text is one paragraph: the text box's line breaks and tabs become single spaces, and the
        // length is counted on that, as the box's maxlength counts a line break once where the post sends CR LF.
        String reason = typed.replaceAll("\\s+", " ");
        Optional<FreeText.Problem> problem = FreeText.hasHiddenCharacter(typed, FreeText.Shape.PARAGRAPH)
                ? Optional.of(FreeText.Problem.HIDDEN_CHARACTER)
                : FreeText.problem(reason, FreeText.Shape.LINE, REASON_MAX_LENGTH);
        return new RequestDecisionForm(CeresRole.of(text(form.getFirst(ROLE))), text(form.getFirst(SIRET)),
                reason, problem);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
