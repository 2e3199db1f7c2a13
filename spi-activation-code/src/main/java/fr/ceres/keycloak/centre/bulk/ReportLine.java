package fr.ceres.keycloak.centre.bulk;

import java.util.Objects;

/**
 * One line of a bulk issue's report: an input row and its outcome.
 *
 * @param line              the row's line number in the uploaded file
 * @param siret             the SIRET as written in the file (may be malformed for a rejected row)
 * @param referenceAgrement the approval reference as written
 * @param outcome           what happened
 * @param reason            why, in French; empty for {@link IssueOutcome#EMIS}
 */
public record ReportLine(int line, String siret, String referenceAgrement, IssueOutcome outcome, String reason) {

    public ReportLine {
        Objects.requireNonNull(outcome, "outcome");
        siret = siret == null ? "" : siret;
        referenceAgrement = referenceAgrement == null ? "" : referenceAgrement;
        reason = reason == null ? "" : reason;
    }

    /** A row the parser refused, with its reasons. */
    public static ReportLine rejected(CentreCsvRow row) {
        return new ReportLine(row.line(), row.siretText(), row.referenceAgrement(), IssueOutcome.REJETE,
                row.reason());
    }

    /** A row the caller refused after parsing (e.g. a SIRET the register does not know). */
    public static ReportLine rejected(CentreCsvRow row, String reason) {
        return new ReportLine(row.line(), row.siretText(), row.referenceAgrement(), IssueOutcome.REJETE, reason);
    }

    /** A row whose centre got a code, and a letter in the archive. */
    public static ReportLine issued(CentreCsvRow row) {
        return new ReportLine(row.line(), row.siretText(), row.referenceAgrement(), IssueOutcome.EMIS, "");
    }

    /** A row whose centre already had a code. */
    public static ReportLine alreadyIssued(CentreCsvRow row, String reason) {
        return new ReportLine(row.line(), row.siretText(), row.referenceAgrement(), IssueOutcome.DEJA_EMIS, reason);
    }
}
