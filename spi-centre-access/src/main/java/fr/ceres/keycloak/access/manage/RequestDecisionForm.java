package fr.ceres.keycloak.access.manage;

import java.util.Optional;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The « Accepter » and « Refuser » forms of an access request on the access page: the role
 * ({@value #ROLE}) and SIRET ({@value #SIRET}) given on accepting, the reason ({@value #REASON}, optional)
 * given on refusing. Values are read as posted; {@link AccessActions} checks them against the centre.
 */
record RequestDecisionForm(Optional<CeresRole> role, String siret, String reason) {

    static final String ROLE = "role";
    static final String SIRET = "siret";
    static final String REASON = "motif";
    /** Long enough for a few sentences; the page's field says so too (its {@code maxlength}). */
    static final int REASON_MAX_LENGTH = 500;

    static RequestDecisionForm read(MultivaluedMap<String, String> form) {
        return new RequestDecisionForm(CeresRole.of(text(form.getFirst(ROLE))), text(form.getFirst(SIRET)),
                reason(form.getFirst(REASON)));
    }

    /** Whether the reason fits; an empty one does (it is optional). */
    boolean reasonFits() {
        return reason.length() <= REASON_MAX_LENGTH;
    }

    /**
     * The reason as the email shows it: its lines' surrounding blanks and line breaks flattened to single
     * spaces (the email's text is one paragraph), control characters dropped.
     */
    private static String reason(String value) {
        return text(value).replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
