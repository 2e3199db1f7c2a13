package fr.ceres.keycloak.centre.bulk;

import java.util.List;
import java.util.Optional;

import fr.ceres.keycloak.centre.TypedCompany;
import fr.ceres.keycloak.siret.Siret;

/**
 * One data row of a centres CSV, as read, with what is wrong with it.
 *
 * @param line              the row's line number in the file (1 is the header), for the report and messages
 * @param siretText         the SIRET cell as written (trimmed), kept for the report even when malformed
 * @param siret             the SIRET when well formed
 * @param referenceAgrement the approval reference (trimmed); empty when missing
 * @param sitesLies         the linked sites, well formed and of the centre's SIREN, without repeats, in file order
 * @param typedCompany      raison sociale, adresse and commune as written, for what the register does not publish
 * @param errors            why the row is rejected, in French; empty for a valid row
 */
public record CentreCsvRow(int line, String siretText, Optional<Siret> siret, String referenceAgrement,
                           List<Siret> sitesLies, TypedCompany typedCompany, List<String> errors) {

    public CentreCsvRow {
        siretText = siretText == null ? "" : siretText;
        siret = siret == null ? Optional.empty() : siret;
        referenceAgrement = referenceAgrement == null ? "" : referenceAgrement;
        sitesLies = List.copyOf(sitesLies);
        typedCompany = typedCompany == null ? TypedCompany.NONE : typedCompany;
        errors = List.copyOf(errors);
    }

    /** True when nothing is wrong with the row: its SIRET is then present. */
    public boolean valid() {
        return errors.isEmpty();
    }

    /** The reasons joined for one report cell: "raison 1 ; raison 2". */
    public String reason() {
        return String.join(" ; ", errors);
    }
}
