package fr.ceres.keycloak.centre.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import fr.ceres.keycloak.centre.letter.PdfLayout.Column;
import fr.ceres.keycloak.centre.letter.PdfLayout.Row;
import fr.ceres.keycloak.centre.letter.PdfLayout.Style;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PdfLayoutTest {

    private static final byte[] FONT = PdfLayout.readFont();
    private static final Style PLAIN = new Style(10f, 14f, false);
    private static final Column NARROW = new Column(PdfLayout.TEXT.x(), 120f);
    private static final List<Row> ROWS = List.of(new Row("Nom :", "Dupont"), new Row("Numéro :", "42"));

    @FunctionalInterface
    private interface Pages {
        void write(PdfLayout layout) throws IOException;
    }

    @Test
    @DisplayName("Given a paragraph wider than its column, then it breaks at spaces but never at non-breaking ones")
    void wrapsAtOrdinarySpacesOnly() throws IOException {
        String spaced = "01 46 29 25 54";
        String phone = spaced.replace(' ', PdfLayout.NBSP);
        String text = "Appelez le service d'assistance au " + spaced + " du lundi au vendredi.";

        List<String> breakable = linesOf(text);
        assertTrue(breakable.stream().noneMatch(line -> line.contains(spaced)), String.join("\n", breakable));
        List<String> kept = linesOf(text.replace(spaced, phone));
        assertTrue(kept.stream().anyMatch(line -> line.contains(phone)), String.join("\n", kept));
        assertEquals(text, String.join(" ", kept).replace(PdfLayout.NBSP, ' '));
    }

    @Test
    @DisplayName("Given a word wider than its column, then it is cut across lines and nothing is lost")
    void cutsWordsWiderThanTheColumn() throws IOException {
        String word = "BP".repeat(60);

        List<String> lines = linesOf(word);
        assertTrue(lines.size() > 1, String.join("\n", lines));
        assertEquals(word, String.join("", lines));
    }

    @Test
    @DisplayName("Given a box that does not fit at the foot of a page, then it starts whole on the next page")
    void boxIsNeverSplitAcrossPages() throws IOException {
        List<String> fits = pagesOf(layout -> {
            layout.skip(600f);
            layout.box(PdfLayout.TEXT, ROWS);
        });
        assertEquals(1, fits.size());

        List<String> moved = pagesOf(layout -> {
            layout.skip(700f);
            layout.box(PdfLayout.TEXT, ROWS);
        });
        assertEquals(2, moved.size());
        assertEquals("", moved.get(0).strip());
        assertTrue(moved.get(1).contains("Nom : Dupont\nNuméro : 42"), moved.get(1));
    }

    @Test
    @DisplayName("Given an address that is not a web address, then it is shown but not clickable")
    void onlyWebAddressesAreClickable() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdfOf(layout -> {
            layout.link("https://example.org", PdfLayout.TEXT, 12f);
            layout.link("example.org/plain", PdfLayout.TEXT, 12f);
        }))) {
            assertEquals(1, document.getPage(0).getAnnotations().size());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("https://example.org") && text.contains("example.org/plain"), text);
        }
    }

    /** The lines a paragraph set in the narrow column reads back as. */
    private static List<String> linesOf(String paragraph) throws IOException {
        List<String> pages = pagesOf(layout -> layout.paragraph(paragraph, NARROW, PLAIN));
        assertEquals(1, pages.size());
        return List.of(pages.get(0).strip().split("\\R"));
    }

    private static byte[] pdfOf(Pages pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            try (PdfLayout layout = new PdfLayout(document, FONT)) {
                pages.write(layout);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Each page's text, non-breaking spaces kept. */
    private static List<String> pagesOf(Pages pages) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdfOf(pages))) {
            List<String> texts = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(stripper.getText(document).replace("\r\n", "\n"));
            }
            return texts;
        }
    }
}
