package fr.ceres.keycloak.siret.register;

import java.util.regex.Pattern;

/**
 * The texts company registers put where they may not publish a value: INSEE's Sirene writes {@code [ND]}
 * ("non diffusible"), API Recherche d'entreprises {@code [NON-DIFFUSIBLE]}. Establishments in partial
 * diffusion ({@code statutDiffusionEtablissement} / {@code statut_diffusion} = {@code P}, most sole traders)
 * carry them in their name and address fields. They are masks, not values: the bundle never shows nor
 * stores them.
 */
public final class RegisterPlaceholders {

    private static final Pattern MASK = Pattern.compile("\\[\\s*(?:ND|NON[- ]DIFFUSIBLE)\\s*]", Pattern.CASE_INSENSITIVE);

    private RegisterPlaceholders() {
    }

    /** Whether the text holds a register's mask anywhere, e.g. "[NON-DIFFUSIBLE] PARIS 11". */
    public static boolean masks(String text) {
        return text != null && MASK.matcher(text).find();
    }
}
