package fr.ceres.keycloak.centre;

import java.util.Optional;

import fr.ceres.keycloak.common.FreeText;

/**
 * The approval reference an agent gives a centre, through the API or a CSV row: required, on one line, without
 * control or invisible characters, at most {@value #MAX_LENGTH} characters, stored in NFC. It is printed on the
 * centre's letter and shown to agents, so it must read as what it is.
 */
public final class ReferenceAgrement {

    public static final int MAX_LENGTH = 100;

    private ReferenceAgrement() {
    }

    /** The reference as stored: in NFC, without surrounding blanks. */
    public static String normalize(String typed) {
        return FreeText.normalize(typed);
    }

    /**
     * What is wrong with a {@linkplain #normalize normalised} reference, in French words that follow the field's
     * name (« référence d'agrément <em>manquante</em> »), for the CSV report and the API's messages alike.
     */
    public static Optional<String> problem(String reference) {
        if (reference.isEmpty()) {
            return Optional.of("manquante");
        }
        return FreeText.problem(reference, FreeText.Shape.LINE, MAX_LENGTH).map(problem -> switch (problem) {
            case HIDDEN_CHARACTER -> "contenant des caractères invisibles ou de contrôle";
            case TOO_LONG -> "trop longue (" + MAX_LENGTH + " caractères au plus)";
        });
    }
}
