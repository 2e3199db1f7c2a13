package fr.ceres.keycloak.access.invite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccentFoldingTest {

    private static final Pattern REPLACE = Pattern.compile(", '(.)', '([a-z]+)'\\)");
    private static final List<String> NAMES = List.of("Émilie", "Leroÿ", "François", "Hélène Lefèvre", "Zoë Müller",
            "Œdipe Lætitia", "Chloé Noël", "Íñigo Ångström", "ÉLODIE", "alice.martin@academie.fr");

    @Test
    @DisplayName("Given accented or upper-case names, then they fold to their plain lower-case letters")
    void foldsNames() {
        assertEquals("emilie", AccentFolding.fold("Émilie"));
        assertEquals("leroy", AccentFolding.fold("Leroÿ"));
        assertEquals("francois", AccentFolding.fold("FRANÇOIS"));
        assertEquals("oedipe laetitia", AccentFolding.fold("Œdipe Lætitia"));
        assertEquals("emilie", AccentFolding.fold("emilie"), "plain text stays as it is");
        assertEquals("o'neil-durand 42", AccentFolding.fold("O'Neil-Durand 42"), "what is not a letter stays");
    }

    @Test
    @DisplayName("Given the query's folding of a column, then it is lower() inside one replace() per letter, in the order of the table")
    void queryShape() {
        String folded = AccentFolding.jpql("u.lastName");
        assertEquals(30, REPLACE.matcher(folded).results().count());
        assertTrue(folded.startsWith("replace(".repeat(30) + "lower(u.lastName), 'à', 'a'), 'â', 'a')"), folded);
        assertTrue(folded.endsWith(", 'œ', 'oe'), 'æ', 'ae')"), folded);
    }

    @Test
    @DisplayName("Given any name, then the query's replaces after lower() fold it exactly as Java folds typed words")
    void bothSidesFoldAlike() {
        Matcher replaces = REPLACE.matcher(AccentFolding.jpql("x"));
        List<String[]> letters = replaces.results().map(r -> new String[] {r.group(1), r.group(2)}).toList();
        for (String name : NAMES) {
            String database = name.toLowerCase(Locale.ROOT);
            for (String[] letter : letters) {
                database = database.replace(letter[0], letter[1]);
            }
            assertEquals(AccentFolding.fold(name), database, name);
        }
        for (String[] letter : letters) {
            assertEquals(letter[1], AccentFolding.fold(letter[0]), "each replaced letter is folded in Java alike");
        }
    }

    @Test
    @DisplayName("Given a folded word, then the unfolded pattern keeps the letters folding never writes and matches every name whose folding holds the word")
    void patternBeforeFolding() {
        assertEquals("%m%l%", AccentFolding.beforeFolding("emilie"));
        assertEquals("%zzqx%", AccentFolding.beforeFolding("zzqx"));
        assertEquals("%vr%", AccentFolding.beforeFolding("oeuvre"));
        assertEquals("%", AccentFolding.beforeFolding("eau"));
        assertEquals("%p\\_1%", AccentFolding.beforeFolding("p_1"));
        for (String name : NAMES) {
            String folded = AccentFolding.fold(name);
            for (int start = 0; start < folded.length(); start++) {
                for (int end = start + 1; end <= folded.length(); end++) {
                    String word = folded.substring(start, end);
                    assertTrue(like(name.toLowerCase(Locale.ROOT), AccentFolding.beforeFolding(word)), name + " / " + word);
                }
            }
        }
    }

    /** SQL {@code like} with {@code \\} as escape, as a regular expression. */
    private static boolean like(String text, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }
}
