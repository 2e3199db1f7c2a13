package fr.ceres.keycloak.access.invite;

import java.util.List;
import java.util.Locale;

import fr.ceres.keycloak.common.LikePattern;

/**
 * Names compared without case or accents: « emilie » and « Émilie », « leroy » and « Leroÿ » are the same. One table
 * folds both sides, the typed words in Java ({@link #fold}) and the stored columns in the query ({@link #jpql}), so
 * they can never fold different letters.
 *
 * <p>Plain {@code lower} and {@code replace}, which every database Keycloak runs on has: PostgreSQL's
 * {@code unaccent} needs a superuser to install and exists nowhere else. Only lower-case letters are listed: both
 * sides are lowered first, the database with {@code lower}, Java with {@link Locale#ROOT}, which agree on these
 * letters.
 */
public final class AccentFolding {

    /** Accented Latin letters of French names and of the names most often met beside them, then the ligatures. */
    private static final List<Letter> LETTERS = List.of(
            new Letter('à', "a"), new Letter('â', "a"), new Letter('ä', "a"), new Letter('á', "a"),
            new Letter('ã', "a"), new Letter('å', "a"), new Letter('ç', "c"), new Letter('é', "e"),
            new Letter('è', "e"), new Letter('ê', "e"), new Letter('ë', "e"), new Letter('í', "i"),
            new Letter('ì', "i"), new Letter('î', "i"), new Letter('ï', "i"), new Letter('ñ', "n"),
            new Letter('ó', "o"), new Letter('ò', "o"), new Letter('ô', "o"), new Letter('ö', "o"),
            new Letter('õ', "o"), new Letter('ø', "o"), new Letter('ú', "u"), new Letter('ù', "u"),
            new Letter('û', "u"), new Letter('ü', "u"), new Letter('ý', "y"), new Letter('ÿ', "y"),
            new Letter('œ', "oe"), new Letter('æ', "ae"));

    private AccentFolding() {
    }

    /** The text in lower case, each letter of the table replaced by its base letters. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        for (char c : lower.toCharArray()) {
            folded.append(LETTERS.stream().filter(l -> l.accented() == c).map(Letter::base).findFirst()
                    .orElse(String.valueOf(c)));
        }
        return folded.toString();
    }

    /**
     * The same folding of a JPQL string expression: {@code replace(…replace(lower(x), 'à', 'a')…, 'æ', 'ae')}, also
     * plain SQL (the end-to-end tests ask PostgreSQL for the plan of the search with it).
     */
    public static String jpql(String expression) {
        String folded = "lower(" + expression + ")";
        for (Letter letter : LETTERS) {
            folded = "replace(" + folded + ", '" + letter.accented() + "', '" + letter.base() + "')";
        }
        return folded;
    }

    /**
     * A {@code like} pattern, with {@code \} as escape, that the lower-cased text <em>before</em> folding matches
     * whenever its folding holds the folded word: a cheap first test that spares folding most of the texts. Letters
     * that folding never writes can only come from themselves and stay; each run of letters folding may write
     * (a, c, e…, the base of an accented letter or half of a ligature) becomes {@code %}. « emilie » gives
     * {@code %m%l%}, « zzqx » {@code %zzqx%}.
     */
    public static String beforeFolding(String foldedWord) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : foldedWord.toCharArray()) {
            boolean written = LETTERS.stream().anyMatch(l -> l.base().indexOf(c) >= 0);
            if (!written) {
                pattern.append(LikePattern.escape(String.valueOf(c)));
            } else if (pattern.charAt(pattern.length() - 1) != '%') {
                pattern.append('%');
            }
        }
        if (pattern.charAt(pattern.length() - 1) != '%') {
            pattern.append('%');
        }
        return pattern.toString();
    }

    private record Letter(char accented, String base) {
    }
}
