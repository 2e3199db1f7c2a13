package fr.ceres.keycloak.centre.letter;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;

/**
 * Puts text on A4 pages top to bottom (Apache PDFBox): wraps it at word boundaries (breaking only words longer than
 * a line), and starts a new page when the current one is full.
 *
 * <p>The text is set in Liberation Sans, the TrueType font PDFBox itself ships (SIL Open Font License), embedded as
 * a subset: every accent, « », œ and the non-breaking spaces French typography needs print the same in every
 * viewer and printer, and no system font is looked up (PDFBox maps its standard-14 fonts onto the host's fonts,
 * scanning them and keeping a cache file in the home directory). Bold is the same font filled and stroked. Characters
 * the font does not have print as "?" instead of failing the document.
 *
 * <p>One instance writes the pages of one document, on one thread; {@link #close()} ends the last page.
 */
final class PdfLayout implements Closeable {

    /** The space lines never break at. */
    static final char NBSP = '\u00A0';

    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    // A4 page geometry, in points (1/72 inch).
    private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    private static final float MARGIN_LEFT = 70f;
    private static final float MARGIN_RIGHT = 70f;
    private static final float MARGIN_TOP = 56f;
    private static final float MARGIN_BOTTOM = 50f;

    private static final float BOLD_STROKE = 0.4f;
    /** Liberation Sans capitals stand 0.73 em tall. */
    private static final float CAP_HEIGHT = 0.73f;

    private static final float BOX_PADDING = 12f;
    private static final float BOX_SIZE = 12f;
    private static final float BOX_LEADING = 20f;
    private static final float BOX_MARGIN_TOP = 6f;

    /** Where text goes across the page: its left edge and its width, in points. */
    record Column(float x, float width) {

        /** This column narrowed by {@code inset} on both sides. */
        Column inset(float inset) {
            return new Column(x + inset, width - 2 * inset);
        }
    }

    /** The page's text column, margin to margin. */
    static final Column TEXT = columnFrom(MARGIN_LEFT);

    /** How a paragraph's lines look: font size and line height in points, bold or regular. */
    record Style(float size, float leading, boolean bold) {
    }

    /** One line of a {@linkplain #box box}: a label and the value it names. */
    record Row(String label, String value) {
    }

    private final PDDocument document;
    private final PDFont font;
    private PDPage page;
    private PDPageContentStream stream;
    private float y;

    /**
     * Opens the document's first page.
     *
     * @param font the font program {@link #readFont()} returns, embedded (as a subset) in this document
     */
    PdfLayout(PDDocument document, byte[] font) throws IOException {
        this.document = document;
        this.font = PDType0Font.load(document, new ByteArrayInputStream(font), true);
        newPage();
    }

    /** The font program every layout sets its text in; read it once and share it between documents. */
    static byte[] readFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's font " + FONT_RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read PDFBox's font " + FONT_RESOURCE, e);
        }
    }

    /** The column from {@code x} to the right margin. */
    static Column columnFrom(float x) {
        return new Column(x, PAGE_WIDTH - MARGIN_RIGHT - x);
    }

    /**
     * Goes down to {@code fromTop} points below the page's top edge, unless the text is already lower: a block
     * that must sit at a given height (an envelope window) is never drawn over what comes before it.
     */
    void downTo(float fromTop) {
        y = Math.min(y, page.getMediaBox().getHeight() - fromTop);
    }

    void skip(float points) {
        y -= points;
    }

    void paragraph(String text, Column column, Style style) throws IOException {
        for (String line : wrap(printable(text), column.width(), style.size())) {
            nextLine(style.leading());
            show(line, column.x(), y + (style.leading() - style.size()) / 2f, style.size(), style.bold());
        }
    }

    /** An address, centred, bold, and clickable when it is a web address. */
    void link(String url, Column column, float size) throws IOException {
        float leading = size + 5f;
        for (String line : wrap(printable(url), column.width(), size)) {
            nextLine(leading);
            float lineWidth = width(line, size);
            float left = column.x() + (column.width() - lineWidth) / 2f;
            float baseline = y + (leading - size) / 2f;
            show(line, left, baseline, size, true);
            if (url.startsWith("https://") || url.startsWith("http://")) {
                annotateLink(url, new PDRectangle(left, baseline - 3f, lineWidth, size + 4f));
            }
        }
    }

    /** Label/value rows in a shaded, framed box; the box is never split across pages. */
    void box(Column column, List<Row> rows) throws IOException {
        List<Row> printed = new ArrayList<>(rows.size());
        float labelWidth = 0f;
        for (Row row : rows) {
            Row printable = new Row(printable(row.label()), printable(row.value()));
            printed.add(printable);
            labelWidth = Math.max(labelWidth, width(printable.label(), BOX_SIZE));
        }
        float valueX = column.x() + BOX_PADDING + labelWidth + 10f;
        float valueWidth = column.x() + column.width() - BOX_PADDING - valueX;
        List<Row> lines = boxLines(printed, valueWidth);
        float height = 2 * BOX_PADDING + lines.size() * BOX_LEADING;
        ensureRoom(height + BOX_MARGIN_TOP);
        y -= BOX_MARGIN_TOP;
        float top = y;
        frame(column.x(), top - height, column.width(), height);
        y -= BOX_PADDING;
        for (Row line : lines) {
            y -= BOX_LEADING;
            // Capital letters centred in their slot, so the box looks as deep above the text as below it.
            float baseline = y + (BOX_LEADING - CAP_HEIGHT * BOX_SIZE) / 2f;
            show(line.label(), column.x() + BOX_PADDING, baseline, BOX_SIZE, false);
            show(line.value(), valueX, baseline, BOX_SIZE + 1f, true);
        }
        y = top - height;
    }

    /** Ends the last page. */
    @Override
    public void close() throws IOException {
        stream.close();
    }

    /** Each value wrapped to the value column; its label only on its first line. */
    private List<Row> boxLines(List<Row> rows, float valueWidth) throws IOException {
        List<Row> lines = new ArrayList<>();
        for (Row row : rows) {
            List<String> valueLines = wrap(row.value(), valueWidth, BOX_SIZE + 1f);
            for (int i = 0; i < valueLines.size(); i++) {
                lines.add(new Row(i == 0 ? row.label() : "", valueLines.get(i)));
            }
        }
        return lines;
    }

    private void frame(float x, float bottom, float width, float height) throws IOException {
        stream.saveGraphicsState();
        stream.setNonStrokingColor(0.94f, 0.95f, 0.97f);
        stream.setStrokingColor(0.25f, 0.30f, 0.45f);
        stream.setLineWidth(0.8f);
        stream.addRect(x, bottom, width, height);
        stream.fillAndStroke();
        stream.restoreGraphicsState();
    }

    private void annotateLink(String url, PDRectangle area) throws IOException {
        PDAnnotationLink annotation = new PDAnnotationLink();
        annotation.setRectangle(area);
        PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
        noBorder.setWidth(0);
        annotation.setBorderStyle(noBorder);
        PDActionURI action = new PDActionURI();
        action.setURI(url);
        annotation.setAction(action);
        page.getAnnotations().add(annotation);
    }

    private void show(String text, float x, float baseline, float size, boolean bold) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        if (bold) {
            stream.setRenderingMode(RenderingMode.FILL_STROKE);
            stream.setLineWidth(BOLD_STROKE * size / 10f);
        } else {
            stream.setRenderingMode(RenderingMode.FILL);
        }
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    /** Moves down one line of {@code leading} points, on a new page if this one has no room for it. */
    private void nextLine(float leading) throws IOException {
        ensureRoom(leading);
        y -= leading;
    }

    private void ensureRoom(float height) throws IOException {
        if (y - height < MARGIN_BOTTOM) {
            stream.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN_TOP;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /**
     * Greedy line breaking at ordinary spaces (never at non-breaking ones); a word wider than the line (a long
     * address) is cut where it must.
     */
    private List<String> wrap(String text, float maxWidth, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, size) > maxWidth) {
                int cut = longestFittingPrefix(rest, maxWidth, size);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private int longestFittingPrefix(String word, float maxWidth, float size) throws IOException {
        int end = 1;
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(word.substring(0, next), size) > maxWidth) {
                break;
            }
            end = next;
        }
        return end;
    }

    /**
     * Text as the font can print it: composed accents (NFC), white space and control characters as single
     * spaces, the narrow no-break space as a no-break space, anything the font lacks as "?".
     */
    private String printable(String text) throws IOException {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); ) {
            int codePoint = composed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == NBSP || codePoint == 0x202F || codePoint == 0x2007) {
                out.append(NBSP);
            } else if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
                out.append(' ');
            } else if (canShow(codePoint)) {
                out.appendCodePoint(codePoint);
            } else {
                out.append('?');
            }
        }
        return out.toString().strip();
    }

    private boolean canShow(int codePoint) throws IOException {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
