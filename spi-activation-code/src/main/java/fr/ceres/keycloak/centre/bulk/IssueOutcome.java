package fr.ceres.keycloak.centre.bulk;

/** What became of one row of a bulk issue, as the report writes it. */
public enum IssueOutcome {

    /** A code was issued; the archive holds the centre's letter. */
    EMIS("emis"),
    /** The centre already had a code and re-issuing was not asked for: no new code, no letter. */
    DEJA_EMIS("deja-emis"),
    /** The row was refused; the report says why. */
    REJETE("rejete");

    private final String label;

    IssueOutcome(String label) {
        this.label = label;
    }

    /** The word in the report's "resultat" column. */
    public String label() {
        return label;
    }
}
