package fr.ceres.keycloak.access.web;

import fr.ceres.keycloak.common.FreeText;
import org.keycloak.models.UserModel;

/**
 * How the access pages and emails name a person: « Prénom Nom », or their email when the account has no name.
 *
 * <p>The email also stands for a name that mail clients would show as a link ({@code www.…}, {@code exemple.fr})
 * or that holds control or bidirectional characters. Names are quoted in the emails the ministry's portal sends on
 * a person's behalf; the profile refuses such names (validators {@code name-without-link} and {@code free-text}),
 * but an account may hold one from before those rules, from an administrator or from an identity provider. The
 * address still says who the person is, and the portal's email does not carry their link.
 */
public final class PersonName {

    private PersonName() {
    }

    public static String of(UserModel user) {
        return of(user.getFirstName(), user.getLastName(), user.getEmail());
    }

    public static String of(String firstName, String lastName, String email) {
        String name = ((firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip())).strip();
        boolean quotable = !name.isEmpty() && !FreeText.looksLikeLink(name)
                && !FreeText.hasHiddenCharacter(name, FreeText.Shape.LINE);
        return quotable ? name : (email == null ? "" : email);
    }
}
