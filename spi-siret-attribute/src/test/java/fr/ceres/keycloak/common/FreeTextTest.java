package fr.ceres.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import fr.ceres.keycloak.common.FreeText.Problem;
import fr.ceres.keycloak.common.FreeText.Shape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS",
            "École d’été « Les Tilleuls »",
            "Lycée Saint-Exupéry",
            "D'Aubigné-Durand",
            "Maïté Œuvray-Ægidius",
            "12 bis, rue de l’Église — bâtiment B",
            "75011 PARIS 11e",
            "Saint-Pierre-et-Miquelon (975)",
            "Chloé\u00A0: 50\u202F%",
            "Łódź · Ñandú · Ğülşen · Δήμητρα · Ирина · 王芳",
            "N° 4 ; AGR-75/2019_0001 + [2] @ #1 & <b>",
            "Jean\u3000Dupont"
    })
    @DisplayName("Given legitimate French (and foreign) text with accents, apostrophes, hyphens, « », no-break spaces, then nothing is wrong")
    void legitimateText(String text) {
        assertEquals(Optional.empty(), FreeText.problem(text, Shape.LINE, 255));
        assertEquals(Optional.empty(), FreeText.problem(text, Shape.PARAGRAPH, 255));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F",
            "\u0080", "\u0085", "\u008D", "\u009B", "\u009F",
            "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200E", "\u200F", "\u061C", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
            "\u2028", "\u2029", "\uD800", "\uDC00", "\uE000", "\uFFFE", "\uFFFF", "\uDB80\uDC00"
    })
    @DisplayName("Given a control (C0, DEL, C1), format (bidirectional, zero-width, BOM), separator, lone surrogate, private-use or unassigned character, then it is refused in any shape")
    void hiddenCharacters(String hidden) {
        String text = "Centre " + hidden + "Tilleuls";
        String codes = hidden.codePoints().mapToObj(Integer::toHexString).toList().toString();
        assertEquals(Optional.of(Problem.HIDDEN_CHARACTER), FreeText.problem(text, Shape.LINE, 255), codes);
        assertEquals(Optional.of(Problem.HIDDEN_CHARACTER), FreeText.problem(text, Shape.PARAGRAPH, 255), codes);
    }

    @Test
    @DisplayName("Given CR, LF or a tab, then a line refuses them and a paragraph takes them")
    void lineBreaks() {
        for (String text : new String[] {"Paris\r\nSet-Cookie: a=1", "Paris\nLyon", "Paris\rLyon", "Paris\tLyon"}) {
            assertEquals(Optional.of(Problem.HIDDEN_CHARACTER), FreeText.problem(text, Shape.LINE, 255), text);
            assertEquals(Optional.empty(), FreeText.problem(text, Shape.PARAGRAPH, 255), text);
        }
        assertEquals(Optional.of(Problem.HIDDEN_CHARACTER), FreeText.problem("a\r\nb\u0000", Shape.PARAGRAPH, 255));
    }

    @Test
    @DisplayName("Given decomposed accents, then normalize gives NFC without surrounding blanks; null gives empty")
    void normalize() {
        assertEquals("Éléonore Maïté", FreeText.normalize("  E\u0301le\u0301onore Mai\u0308te\u0301 \t"));
        assertEquals("\u1EC7", FreeText.normalize("e\u0323\u0302"), "several marks, reordered by NFC");
        assertEquals("Å", FreeText.normalize("\u212B"), "the angstrom sign is its letter");
        assertEquals("ﬁ", FreeText.normalize("ﬁ"), "NFC keeps compatibility characters (NFKC would not)");
        assertEquals("", FreeText.normalize(null));
        assertEquals("", FreeText.normalize(" \u00A0\u202F\r\n"));
        assertEquals("a\u0000", FreeText.normalize("a\u0000"), "a NUL is not a blank: it stays for problem() to refuse");
    }

    @Test
    @DisplayName("Given a length bound, then code points of the normalised text count, up to and including the bound")
    void lengthBounds() {
        assertEquals(Optional.empty(), FreeText.problem("a".repeat(100), Shape.LINE, 100));
        assertEquals(Optional.of(Problem.TOO_LONG), FreeText.problem("a".repeat(101), Shape.LINE, 100));
        assertEquals(Optional.empty(), FreeText.problem("😀".repeat(100), Shape.LINE, 100), "one emoji, two chars, one character");
        String decomposed = "e\u0301".repeat(100);
        assertEquals(Optional.of(Problem.TOO_LONG), FreeText.problem(decomposed, Shape.LINE, 100));
        assertEquals(Optional.empty(), FreeText.problem(FreeText.normalize(decomposed), Shape.LINE, 100));
        assertEquals(Optional.of(Problem.HIDDEN_CHARACTER), FreeText.problem("\u0000".repeat(200), Shape.LINE, 100),
                "hidden characters are named first");
        assertEquals(Optional.empty(), FreeText.problem("", Shape.LINE, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "www.gagnez-un-prix", "WWW.EXEMPLE", "http://x", "https:exemple", "hxxp://x", "mailto:a", "ftp.exemple",
            "exemple.fr", "Jean exemple.fr", "Dupont.Jean", "ministere-travail.gouv.fr", "192.168.0.1",
            "ｗｗｗ．exemple", "exemple．fr", "exemple。fr", "exemple｡fr", "xn--exmple-cua.fr"
    })
    @DisplayName("Given text a mail client would turn into a link (scheme, www., domain, address, full-width or ideographic dots), then it looks like a link")
    void links(String text) {
        assertTrue(FreeText.looksLikeLink(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Camille", "D'Aubigné-Durand", "J.-P.", "J. P. Martin", "Jean-Ph. Martin", "St. Pierre", "Marie. Curie",
            "Wwwa", "O’Connor", "Hélène de La Tour d’Auvergne", "Mme Dupont", "Httpe"
    })
    @DisplayName("Given names with initials, abbreviations and apostrophes, then none looks like a link")
    void names(String text) {
        assertFalse(FreeText.looksLikeLink(text), text);
    }

    @Test
    @DisplayName("Given a megabyte of letters or of blanks, then reading it takes one pass (no regular-expression backtracking)")
    void hugeInputsAreLinear() {
        String letters = "a".repeat(1_000_000);
        String blanks = " ".repeat(1_000_000) + "x" + " ".repeat(1_000_000);
        long start = System.nanoTime();
        assertFalse(FreeText.looksLikeLink(letters));
        assertEquals("x", FreeText.normalize(blanks));
        assertEquals(Optional.of(Problem.TOO_LONG), FreeText.problem(letters, Shape.LINE, 255));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
