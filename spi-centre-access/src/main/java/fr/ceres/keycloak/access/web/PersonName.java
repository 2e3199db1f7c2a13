package fr.ceres.keycloak.access.web;

import org.keycloak.models.UserModel;

/** How the access pages name a person: « Prénom Nom », or their email when the account has no name. */
public final class PersonName {

    private PersonName() {
    }

    public static String of(UserModel user) {
        return of(user.getFirstName(), user.getLastName(), user.getEmail());
    }

    public static String of(String firstName, String lastName, String email) {
        String name = ((firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip())).strip();
        return name.isEmpty() ? (email == null ? "" : email) : name;
    }
}
