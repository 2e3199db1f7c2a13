package fr.ceres.keycloak.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveHtmlCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>&</a>"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void linkifyMakesHttpLinksClickableAndKeepsEverythingElseEscaped() {
        String html = Html.linkify("Activez : http://localhost:8080/a?key=1&b=2.\n<script>alert(1)</script>");
        assertTrue(html.contains("<a href=\"http://localhost:8080/a?key=1&amp;b=2\" target=\"_blank\" "
                + "rel=\"noopener noreferrer\">http://localhost:8080/a?key=1&amp;b=2</a>."), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void linkifyLinksOnlyHttpAndStopsAtQuotes() {
        String html = Html.linkify("javascript:alert(1) \"http://x.test/\"onmouseover=\"alert(1)");
        assertFalse(html.contains("href=\"javascript"), html);
        assertTrue(html.contains("<a href=\"http://x.test/\""), html);
        assertFalse(html.contains("onmouseover=\""), html);
    }

    @Test
    void linksTrimsTrailingPunctuation() {
        assertEquals(List.of("https://a.test/x", "http://b.test/y?z=1"),
                Html.links("(voir https://a.test/x), puis http://b.test/y?z=1."));
    }

    @Test
    void jsonEscapesQuotesControlsAndMarkup() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\\u003cscript\\u003e\\u0026\"", Html.json("a\"b\\c\n\u0001<script>&"));
        assertEquals("null", Html.json(null));
    }
}
