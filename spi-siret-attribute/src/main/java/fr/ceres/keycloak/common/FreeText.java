package fr.ceres.keycloak.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text people type that the bundle stores or sends on (company fields, names, a refusal's reason, an approval
 * reference), read the same way everywhere: brought to NFC and stripped by {@link #normalize}, then checked by
 * {@link #problem}.
 *
 * <p>Refused: every character nobody types in a French administrative text and that hides what the text shows.
 * That is Unicode's « other » categories: controls (C0 with NUL, which PostgreSQL cannot store at all, DEL, C1),
 * format characters (the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069 that
 * reorder what a reader sees, the marks U+200E, U+200F and U+061C, the zero-width characters and the byte order
 * mark that make two different texts look the same, the soft hyphen), lone surrogates, private-use and
 * unassigned code points; plus the line and paragraph separators U+2028 and U+2029. A {@link Shape#PARAGRAPH}
 * (a text box) also takes line feeds, carriage returns and tabs; a {@link Shape#LINE} does not, which keeps
 * CR/LF out of anything that may reach a header or a log line. Accents, typographic apostrophes and quotes,
 * « » and the no-break spaces of French typography are all letters, punctuation or spaces: accepted.
 *
 * <p>Lengths count code points of the normalised text, as a person counts characters (and as PostgreSQL's
 * {@code varchar(n)} does).
 */
public final class FreeText {

    /** What is wrong with a text, in the order it is checked. */
    public enum Problem {
        /** A control, format or other invisible character (see the class comment). */
        HIDDEN_CHARACTER,
        TOO_LONG
    }

    /** Whether the text may run over several lines. */
    public enum Shape {
        /** A field on one line: no line break, no tab. */
        LINE,
        /** A text box: line feeds, carriage returns and tabs are what its Enter and Tab keys type. */
        PARAGRAPH
    }

    /**
     * What mail clients turn into a link: a scheme ({@code http://}, {@code mailto:}…), {@code www.}, or a
     * domain-like word ({@code exemple.fr}, {@code 192.168.0.1}): two letters or digits, a dot, two more. Initials
     * ({@code J.-P.}, {@code J. P. Martin}) are not: a single letter before each dot. A word is only tried from its
     * start and read possessively, so a long word costs one pass, not one per letter.
     */
    private static final Pattern LINK = Pattern.compile(
            "://|\\b(?:https?|ftp|mailto|www)[:.]|(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}]{2,}+\\.[\\p{L}\\p{N}]{2}");
    /** Dots that some mail clients and IDNA read as the ASCII full stop; NFKC already maps the full-width one. */
    private static final Pattern OTHER_DOTS = Pattern.compile("[\\u3002\\uFF61]");

    private FreeText() {
    }

    /** The text in NFC without surrounding blanks (no-break spaces included); "" for none. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        // By hand rather than with a regular expression anchored at the end, which backtracks over a long run of
        // blanks: a posted field has no length bound before it is checked.
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** What is wrong with a {@linkplain #normalize normalised} text, if anything. */
    public static Optional<Problem> problem(String text, Shape shape, int maxLength) {
        if (hasHiddenCharacter(text, shape)) {
            return Optional.of(Problem.HIDDEN_CHARACTER);
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return Optional.of(Problem.TOO_LONG);
        }
        return Optional.empty();
    }

    /** Whether the text holds a character refused in that shape (see the class comment). */
    public static boolean hasHiddenCharacter(String text, Shape shape) {
        return text.codePoints().anyMatch(c -> hidden(c, shape));
    }

    /**
     * Whether a mail client would show the text, or part of it, as a link. Read in NFKC and lower case, so that
     * full-width letters and dots ({@code ｗｗｗ．exemple．fr}) are caught as well.
     */
    public static boolean looksLikeLink(String text) {
        String folded = OTHER_DOTS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll(".");
        return LINK.matcher(folded.toLowerCase(Locale.ROOT)).find();
    }

    /** Spaces, tabs and line breaks, Unicode spaces (no-break ones included): what a text may begin or end with unseen. */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.isSpaceChar(c);
    }

    private static boolean hidden(int codePoint, Shape shape) {
        if (shape == Shape.PARAGRAPH && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t')) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
