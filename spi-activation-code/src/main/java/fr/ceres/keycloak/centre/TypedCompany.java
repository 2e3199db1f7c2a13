package fr.ceres.keycloak.centre;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.common.FreeText;
import fr.ceres.keycloak.siret.ProfileAttributes;
import fr.ceres.keycloak.siret.register.Establishment;

/**
 * Raison sociale, adresse and commune as an agent types them when registering a centre, for the fields the company
 * register does not publish: an establishment in partial diffusion (typically a sole trader) has them masked, and
 * a centre needs them all for its letter. Where the register gives a field, the register's value is kept.
 *
 * @param raisonSociale typed raison sociale, as every free text is read ({@link FreeText}); empty when not typed
 * @param adresse       typed street address, the same way; empty when not typed
 * @param commune       typed postcode and town, the same way; empty when not typed
 */
public record TypedCompany(String raisonSociale, String adresse, String commune) {

    /** The bound of the account's same fields in the user profile. */
    public static final int MAX_LENGTH = 255;
    public static final TypedCompany NONE = new TypedCompany("", "", "");

    /** The fields in French, for the agent's messages, by their attribute names. */
    private static final Map<String, String> LABELS = Map.of(ProfileAttributes.RAISON_SOCIALE, "la raison sociale",
            ProfileAttributes.ADRESSE, "l'adresse", ProfileAttributes.COMMUNE, "la commune");

    public TypedCompany {
        raisonSociale = FreeText.normalize(raisonSociale);
        adresse = FreeText.normalize(adresse);
        commune = FreeText.normalize(commune);
    }

    /** What is wrong with the typed values, in French ("la commune : 255 caractères au plus"); empty when nothing. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(ProfileAttributes.RAISON_SOCIALE, raisonSociale, problems);
        check(ProfileAttributes.ADRESSE, adresse, problems);
        check(ProfileAttributes.COMMUNE, commune, problems);
        return problems;
    }

    /**
     * The register's establishment, its absent fields taken from what the agent typed. A typed register mask
     * ({@code [ND]}) stays absent: {@link Establishment} drops masks whoever writes them.
     */
    public Establishment complete(Establishment fromRegister) {
        return new Establishment(fromRegister.siret(), given(fromRegister.raisonSociale(), raisonSociale),
                given(fromRegister.adresse(), adresse), given(fromRegister.commune(), commune), fromRegister.active());
    }

    /** "la raison sociale et l'adresse" for attribute names as {@link Establishment#missingFields()} lists them. */
    public static String labels(List<String> fields) {
        List<String> labels = fields.stream().map(LABELS::get).toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " et " + labels.get(labels.size() - 1);
    }

    private static String given(String fromRegister, String typed) {
        return fromRegister.isEmpty() ? typed : fromRegister;
    }

    private static void check(String field, String value, List<String> problems) {
        FreeText.problem(value, FreeText.Shape.LINE, MAX_LENGTH).ifPresent(problem -> problems.add(
                LABELS.get(field) + " : " + switch (problem) {
                    case HIDDEN_CHARACTER -> "caractères invisibles ou de contrôle interdits";
                    case TOO_LONG -> MAX_LENGTH + " caractères au plus";
                }));
    }
}
