package fr.ceres.keycloak.it.support;

/** What a person types on the sign-up page; every test starts from a valid one and spoils one field. */
public record Applicant(String email, String password, String passwordConfirm, String siret,
                        String civilite, String lastName, String firstName, String telephone) {

    public static final String PASSWORD = "Formation-2026";

    /** Centre de formation of the demo register, SIRET typed with spaces as on the letter. */
    public static Applicant valid(String email) {
        return new Applicant(email, PASSWORD, PASSWORD, "732 829 320 00074", "madame",
                "Durand", "Camille", "06 12 34 56 78");
    }

    public Applicant withSiret(String value) {
        return new Applicant(email, password, passwordConfirm, value, civilite, lastName, firstName, telephone);
    }

    public Applicant withPasswordConfirm(String value) {
        return new Applicant(email, password, value, siret, civilite, lastName, firstName, telephone);
    }

    public Applicant withCivilite(String value) {
        return new Applicant(email, password, passwordConfirm, siret, value, lastName, firstName, telephone);
    }

    public Applicant withTelephone(String value) {
        return new Applicant(email, password, passwordConfirm, siret, civilite, lastName, firstName, value);
    }

    public Applicant withFirstName(String value) {
        return new Applicant(email, password, passwordConfirm, siret, civilite, lastName, value, telephone);
    }
}
