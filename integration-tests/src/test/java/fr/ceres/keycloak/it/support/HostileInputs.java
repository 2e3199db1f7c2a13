package fr.ceres.keycloak.it.support;

import java.util.List;

/**
 * What a hostile person types or forges, one family per {@link Kind}: each value is sent to every field and
 * parameter of the surfaces {@code HostileInputIT} covers.
 */
public final class HostileInputs {

    /** The family an input belongs to; what a field must do with it depends on the family. */
    public enum Kind {
        /** Longer than any field the bundle keeps. */
        OVERSIZE,
        /** NUL, C0 and C1 controls, DEL. */
        CONTROL,
        /** CR, LF (alone or as a header injection) and tab: what a text box may hold, a one-line field may not. */
        LAYOUT,
        /** Bidirectional overrides and isolates, which reorder what a reader sees. */
        BIDI,
        /** Letters that look like others (dotless i, long s, Kelvin sign, Cyrillic, full width). */
        HOMOGLYPH,
        /** HTML, script and template syntax. */
        MARKUP,
        /** SQL and JPQL metacharacters, LIKE wildcards. */
        QUERY,
        /** Path traversal and encoded separators. */
        PATH,
        /** Cookie and header attribute syntax. */
        ATTRIBUTE,
        /** Addresses of other sites. */
        LINK,
        /** Spreadsheet formulas. */
        FORMULA,
        /** Numbers out of range, empty and blank values, odd Unicode. */
        ODD
    }

    /** One hostile value with the name tests report it by. */
    public record Input(String name, Kind kind, String value) {

        /** Whether a one-line free-text field the bundle stores must refuse it (the rest may be kept, escaped). */
        public boolean mustBeRefusedAsText() {
            return mustBeRefusedInTextBox() || kind == Kind.LAYOUT;
        }

        /** Whether a text box (several lines) the bundle stores must refuse it. */
        public boolean mustBeRefusedInTextBox() {
            return kind == Kind.OVERSIZE || kind == Kind.CONTROL || kind == Kind.BIDI;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final List<Input> ALL = List.of(
            new Input("600 letters", Kind.OVERSIZE, "A".repeat(600)),
            new Input("5,000 accented letters", Kind.OVERSIZE, "é".repeat(5000)),
            new Input("NUL inside", Kind.CONTROL, "Dupont\u0000Admin"),
            new Input("NUL alone", Kind.CONTROL, "\u0000"),
            new Input("bell and escape", Kind.CONTROL, "a\u0007\u001b[31mrouge"),
            new Input("C1 next line", Kind.CONTROL, "rue\u0085de la Paix"),
            new Input("C1 CSI", Kind.CONTROL, "x\u009b31m"),
            new Input("DEL", Kind.CONTROL, "abc\u007f"),
            new Input("tab", Kind.LAYOUT, "a\tb"),
            new Input("CRLF header injection", Kind.LAYOUT, "x\r\nSet-Cookie: hostile=1"),
            new Input("LF header injection", Kind.LAYOUT, "x\nX-Hostile: 1"),
            new Input("CR alone", Kind.LAYOUT, "x\rX-Hostile: 1"),
            new Input("right-to-left override", Kind.BIDI, "facture\u202Efdp.exe"),
            new Input("left-to-right isolate", Kind.BIDI, "\u2066Dupont\u2069"),
            new Input("right-to-left mark", Kind.BIDI, "Dupont\u200F"),
            new Input("dotless i", Kind.HOMOGLYPH, "alice@kıosk-example.org"),
            new Input("long s", Kind.HOMOGLYPH, "alice@kioſk-example.org"),
            new Input("Kelvin sign", Kind.HOMOGLYPH, "\u212Aevin"),
            new Input("Cyrillic a", Kind.HOMOGLYPH, "\u0430dmin"),
            new Input("full width", Kind.HOMOGLYPH, "\uFF21\uFF24\uFF2D\uFF29\uFF2E"),
            new Input("script", Kind.MARKUP, "<script>alert(1)</script>"),
            new Input("attribute break", Kind.MARKUP, "\"><img src=x onerror=alert(1)>"),
            new Input("FreeMarker interpolation", Kind.MARKUP, "${7*7}"),
            new Input("FreeMarker directive", Kind.MARKUP, "<#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"id\")}"),
            new Input("template braces", Kind.MARKUP, "{{7*7}}#{7*7}"),
            new Input("SQL quote", Kind.QUERY, "' OR '1'='1"),
            new Input("SQL statement", Kind.QUERY, "1; DROP TABLE USER_ENTITY;--"),
            new Input("JPQL comment", Kind.QUERY, "x') OR 1=1 /*"),
            new Input("LIKE wildcards", Kind.QUERY, "%_%\\"),
            new Input("traversal", Kind.PATH, "../../../../etc/passwd"),
            new Input("backslash traversal", Kind.PATH, "..\\..\\windows\\win.ini"),
            new Input("encoded traversal", Kind.PATH, "%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
            new Input("matrix parameter", Kind.PATH, "..;/admin"),
            new Input("cookie domain", Kind.ATTRIBUTE, "x; Domain=evil.example"),
            new Input("cookie lifetime", Kind.ATTRIBUTE, "x;Path=/;Max-Age=999999999"),
            new Input("comma list", Kind.ATTRIBUTE, "a, hostile=1"),
            new Input("absolute link", Kind.LINK, "https://evil.example/"),
            new Input("protocol-relative link", Kind.LINK, "//evil.example"),
            new Input("script link", Kind.LINK, "javascript:alert(1)"),
            new Input("bare domain", Kind.LINK, "www.evil.example"),
            new Input("formula", Kind.FORMULA, "=HYPERLINK(\"https://evil.example\")"),
            new Input("command formula", Kind.FORMULA, "=cmd|' /C calc'!A0"),
            new Input("plus formula", Kind.FORMULA, "+33+1"),
            new Input("empty", Kind.ODD, ""),
            new Input("blanks", Kind.ODD, "   "),
            new Input("negative", Kind.ODD, "-1"),
            new Input("huge number", Kind.ODD, "99999999999999999999999999"),
            new Input("byte order mark", Kind.ODD, "\uFEFF73282932000074"),
            new Input("zero width space", Kind.ODD, "7328\u200B2932000074"),
            new Input("emoji", Kind.ODD, "Formation 🎓"),
            new Input("lone surrogate", Kind.ODD, "a\uD800b"),
            new Input("format string", Kind.ODD, "%s%n%x{0}"));

    private HostileInputs() {
    }
}
