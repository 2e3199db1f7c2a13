package fr.ceres.keycloak.centre.letter;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one "Modalités d'accès à l'applicatif CERES" letter says.
 *
 * @param centreName the centre's name (raison sociale), first line of the recipient block
 * @param adresse    the centre's street address; may be empty
 * @param commune    postcode and town; may be empty
 * @param siret      the SIRET the centre is approved for, as the centre will type it
 * @param code       the activation code, already grouped for reading (e.g. {@code K7QM-3XPA-9RTW}); a
 *                   secret: {@link #toString()} never shows it
 * @param portalUrl  the address of the portail de services where the account is created
 * @param helpLine   the assistance phone number
 * @param place      the town the letter is written from ("Paris")
 * @param date       the letter's date
 */
public record LetterContent(String centreName, String adresse, String commune, String siret, String code,
                            String portalUrl, String helpLine, String place, LocalDate date) {

    public LetterContent {
        requireText(centreName, "centreName");
        requireText(siret, "siret");
        requireText(code, "code");
        requireText(portalUrl, "portalUrl");
        requireText(helpLine, "helpLine");
        requireText(place, "place");
        Objects.requireNonNull(date, "date");
        adresse = adresse == null ? "" : adresse;
        commune = commune == null ? "" : commune;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            // Only the component's name: never its value (one of them is the code).
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Everything but the code, so that logging a letter's content never leaks the secret. */
    @Override
    public String toString() {
        return "LetterContent[centreName=" + centreName + ", adresse=" + adresse + ", commune=" + commune
                + ", siret=" + siret + ", code=****, portalUrl=" + portalUrl + ", helpLine=" + helpLine
                + ", place=" + place + ", date=" + date + "]";
    }
}
