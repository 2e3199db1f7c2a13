package fr.ceres.keycloak.siret.register;

/**
 * The public register fields of one establishment, as the sign-up form and the centres use them.
 *
 * @param siret         the establishment's 14 digits
 * @param raisonSociale the company's legal name (or the establishment's trade name when it has one)
 * @param adresse       street address, without postcode and town
 * @param commune       postcode and town, e.g. "75007 PARIS"
 * @param active        false when the register lists the establishment as closed ("fermé")
 */
public record Establishment(String siret, String raisonSociale, String adresse, String commune, boolean active) {
}
