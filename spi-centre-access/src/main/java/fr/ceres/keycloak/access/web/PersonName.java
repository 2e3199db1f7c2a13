package fr.ceres.keycloak.access.web;

import fr.ceres.keycloak.common.FreeText;
import org.keycloak.models.UserModel;

/**
 * How the access pages and emails name a person: « Prénom Nom », or their email when the account has no name.
 *
 * <p>The email also stands for a name that mail clients would show as a link ({@code www.…}, {@code exemple.fr})
 * or that holds control or bidirectional characters: names are quoted in emails the ministry's portal sends, and
 * the profile refuses such names today, but an account may hold one from before, or from an administrator or an
 * identity provider. The email is the person's own, verified address: it says who they are without lending the
 * email's authority to their text.
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
