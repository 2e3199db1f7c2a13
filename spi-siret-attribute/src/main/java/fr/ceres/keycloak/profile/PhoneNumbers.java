package fr.ceres.keycloak.profile;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * French phone numbers as people type them, brought to E.164 ({@code +33612345678}).
 *
 * <p>Accepted:
 * <ul>
 *   <li>the national 10-digit form {@code 0X XX XX XX XX}, X from 1 to 9 (geographic 01–05,
 *       mobiles 06–07, special 08, VoIP 09), with spaces, dots or hyphens between digits;</li>
 *   <li>the same number with an international prefix {@code +33} or {@code 0033}, written with or
 *       without the trunk 0 ({@code +33 6…}, {@code +33 (0)6…}, {@code +33 06…});</li>
 *   <li>overseas departments, which share the national plan but have their own country code:
 *       {@code 0692 12 34 56} (La Réunion) becomes {@code +262692123456}; {@code +262}, {@code +590},
 *       {@code +594} and {@code +596} are accepted for the numbers of their own territory;</li>
 *   <li>collectivities with a plan of their own, in international form only: Saint-Pierre-et-Miquelon
 *       {@code +508} (6 digits), Wallis-et-Futuna {@code +681} (6), Nouvelle-Calédonie {@code +687}
 *       (6), Polynésie française {@code +689} (8).</li>
 * </ul>
 *
 * <p>Refused: other countries (the accounts are those of French training centres, and telling a
 * valid foreign number apart would need a full numbering database), {@code +269} (the Comoros:
 * Mayotte left that code for {@code +262} in 2007), letters, extensions, short numbers (15, 3949…),
 * too few or too many digits, and a 9-digit number missing its leading 0.
 */
public final class PhoneNumbers {

    /** What people put between digit groups; parentheses only appear in {@code (0)}, handled apart. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u202F.\\-]");
    /** ASCII digits only: {@code \d} does not match other scripts' digits without UNICODE_CHARACTER_CLASS. */
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final String METROPOLITAN_CODE = "33";

    /**
     * Country code of the overseas departments, by the first three digits after the trunk 0
     * (ARCEP numbering plan). Every other national number is metropolitan.
     */
    private static final Map<String, String> OVERSEAS_CODE_BY_PREFIX = Map.ofEntries(
            entry("262", "262"), entry("263", "262"), entry("692", "262"), entry("693", "262"), // La Réunion
            entry("269", "262"), entry("639", "262"), // Mayotte
            entry("590", "590"), entry("690", "590"), entry("691", "590"), // Guadeloupe, Saint-Martin, Saint-Barthélemy
            entry("594", "594"), entry("694", "594"), // Guyane
            entry("596", "596"), entry("696", "596"), entry("697", "596")); // Martinique

    /** Country codes whose numbers are 9 digits after the trunk 0 of the national plan. */
    private static final List<String> NATIONAL_PLAN_CODES = List.of(METROPOLITAN_CODE, "262", "590", "594", "596");

    /** Collectivities with their own plan: country code → digits after it. */
    private static final Map<String, Integer> OWN_PLAN_LENGTHS = Map.of("508", 6, "681", 6, "687", 6, "689", 8);

    private PhoneNumbers() {
    }

    /**
     * The E.164 form of a French phone number ({@code "+33612345678"}), or empty when the text is
     * not one (see the class comment for what is accepted).
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw).replaceAll("");
        if (compact.startsWith("+")) {
            return international(compact.substring(1));
        }
        if (compact.startsWith("00")) {
            return international(compact.substring(2));
        }
        return national(compact);
    }

    /** True when {@link #normalize} accepts the text. */
    public static boolean isValid(String raw) {
        return normalize(raw).isPresent();
    }

    private static Optional<String> national(String number) {
        if (number.length() != 10 || number.charAt(0) != '0') {
            return Optional.empty();
        }
        return fromSignificant(number.substring(1));
    }

    private static Optional<String> international(String number) {
        for (String code : NATIONAL_PLAN_CODES) {
            if (number.startsWith(code)) {
                String significant = dropTrunkZero(number.substring(code.length()));
                // "+33 6 92…" names a Réunion mobile with the wrong code: the digits say where it
                // rings, so it gets its right code. "+262 6 12…" is a metropolitan number under an
                // overseas code, which is a mistake we cannot settle, so it is refused.
                return fromSignificant(significant)
                        .filter(e164 -> code.equals(METROPOLITAN_CODE) || e164.startsWith("+" + code));
            }
        }
        for (Map.Entry<String, Integer> plan : OWN_PLAN_LENGTHS.entrySet()) {
            if (number.startsWith(plan.getKey())) {
                String subscriber = number.substring(plan.getKey().length());
                return subscriber.length() == plan.getValue() && DIGITS.matcher(subscriber).matches()
                        ? Optional.of("+" + number)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** People often keep the trunk 0 after the country code: "+33 (0)6…", "+33 06…". */
    private static String dropTrunkZero(String afterCode) {
        if (afterCode.startsWith("(0)")) {
            return afterCode.substring(3);
        }
        if (afterCode.length() == 10 && afterCode.charAt(0) == '0') {
            return afterCode.substring(1);
        }
        return afterCode;
    }

    /** The 9 digits after the trunk 0, to E.164 with the country code of the territory they ring in. */
    private static Optional<String> fromSignificant(String significant) {
        if (significant.length() != 9 || significant.charAt(0) == '0' || !DIGITS.matcher(significant).matches()) {
            return Optional.empty();
        }
        String code = OVERSEAS_CODE_BY_PREFIX.getOrDefault(significant.substring(0, 3), METROPOLITAN_CODE);
        return Optional.of("+" + code + significant);
    }
}
