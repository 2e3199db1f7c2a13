package fr.ceres.keycloak.it.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** The invite dialog's form as a gestionnaire sends it by email, straight to « Continuer » ({@code POST …/inviter}). */
public final class InviteByEmail {

    private InviteByEmail() {
    }

    /** The form's fields, in a map a test may change further. */
    public static Map<String, String> form(String csrf, String email, String role, String siret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.put("etape", "envoyer");
        form.put("mode", "email");
        form.put("email", email);
        form.put("role", role);
        form.put("siret", siret);
        return form;
    }
}
