package fr.ceres.keycloak.centre.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
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
 * Writes the letter a centre receives with its activation code: the seed's "Objet : Modalités d'accès à
 * l'applicatif CERES" letter, in French, as an A4 PDF (Apache PDFBox).
 *
 * <p>The text is set in Liberation Sans, the TrueType font PDFBox itself ships (SIL Open Font License), embedded as
 * a subset: every accent, « », œ and the non-breaking spaces French typography needs print the same in every
 * viewer and printer, and no system font is looked up (PDFBox maps its standard-14 fonts onto the host's fonts,
 * scanning them and keeping a cache file in the home directory). Bold is the same font filled and stroked. Characters the font
 * does not have (from a register's data) print as "?" instead of failing the letter.
 *
 * <p>The code is a secret: this class never logs, and nothing it throws carries the code. An instance is
 * immutable and may be shared between threads; each call builds its own document.
 */
public final class ActivationLetter {

    /** Who signs the letter when nothing else is configured. */
    public static final String DEFAULT_ISSUER = "Ministère du Travail — DREETS";

    static final String SUBJECT = "Modalités d'accès à l'applicatif CERES";

    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final char NBSP = '\u00A0';

    // A4 page geometry, in points (1/72 inch).
    private static final float MARGIN_LEFT = 70f;
    private static final float MARGIN_RIGHT = 70f;
    private static final float MARGIN_TOP = 56f;
    private static final float MARGIN_BOTTOM = 50f;
    /** The recipient block sits where a French DL window envelope shows it: about 105 mm from the left edge. */
    private static final float RECIPIENT_X = 298f;
    private static final float RECIPIENT_TOP = 150f;

    private static final float BODY_SIZE = 10.5f;
    private static final float BODY_LEADING = 14.5f;
    private static final float PARAGRAPH_GAP = 8f;
    private static final float BOLD_STROKE = 0.4f;
    /** Liberation Sans capitals stand 0.73 em tall. */
    private static final float CAP_HEIGHT = 0.73f;

    private final String issuer;
    private final byte[] font;

    /** A letter signed by {@link #DEFAULT_ISSUER}. */
    public ActivationLetter() {
        this(DEFAULT_ISSUER);
    }

    /**
     * @param issuer the sender block, e.g. "Ministère du Travail — DREETS Île-de-France"; a line feed starts a new
     *               line
     */
    public ActivationLetter(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer is required");
        }
        this.issuer = issuer.strip();
        this.font = readFont();
    }

    /** The sender block this instance prints. */
    public String issuer() {
        return issuer;
    }

    /** The letter as PDF bytes. */
    public byte[] generate(LetterContent content) {
        Objects.requireNonNull(content, "content");
        try (PDDocument document = new PDDocument()) {
            PDFont regular = PDType0Font.load(document, new ByteArrayInputStream(font), true);
            describe(document, content);
            Layout layout = new Layout(document, regular);
            write(layout, content);
            layout.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // PDFBox writing to memory: an I/O failure here is a bug, not bad input. The message holds no content.
            throw new UncheckedIOException("Could not write the activation letter PDF", e);
        }
    }

    /** "29 octobre 2018", "1er mars 2019": a date as a French letter writes it. */
    static String frenchLongDate(LocalDate date) {
        int day = date.getDayOfMonth();
        return (day == 1 ? "1er" : Integer.toString(day)) + ' ' + MONTH_YEAR.format(date);
    }

    private void describe(PDDocument document, LetterContent content) {
        document.getDocumentCatalog().setLanguage("fr-FR");
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(SUBJECT + " — " + content.centreName());
        info.setSubject(SUBJECT);
        info.setAuthor(firstLine(issuer));
        info.setCreator("Ceres enrolment bundle for Keycloak");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.FRANCE);
        created.clear();
        created.set(content.date().getYear(), content.date().getMonthValue() - 1, content.date().getDayOfMonth());
        info.setCreationDate(created);
    }

    private void write(Layout layout, LetterContent content) throws IOException {
        float textWidth = layout.pageWidth() - MARGIN_LEFT - MARGIN_RIGHT;

        // Sender, top left.
        for (String line : issuer.split("\\R")) {
            layout.paragraph(line, MARGIN_LEFT, 220f, 11f, 14f, true);
        }

        // Recipient, in the envelope window.
        layout.moveTo(layout.pageHeight() - RECIPIENT_TOP);
        float recipientWidth = layout.pageWidth() - MARGIN_RIGHT - RECIPIENT_X;
        layout.paragraph(content.centreName(), RECIPIENT_X, recipientWidth, 11f, 14f, true);
        layout.paragraph(content.adresse(), RECIPIENT_X, recipientWidth, 11f, 14f, false);
        layout.paragraph(content.commune(), RECIPIENT_X, recipientWidth, 11f, 14f, false);

        layout.skip(26f);
        layout.paragraph(content.place().strip() + ", le " + frenchLongDate(content.date()), RECIPIENT_X,
                recipientWidth, BODY_SIZE, BODY_LEADING, false);

        layout.skip(26f);
        layout.paragraph("Objet" + NBSP + ": " + SUBJECT, MARGIN_LEFT, textWidth, 11f, 14f, true);

        layout.skip(16f);
        body(layout, "Madame, Monsieur,", textWidth);
        body(layout, "Vous avez un agrément pour organiser des sessions d'examen pour l'obtention d'un titre "
                + "professionnel du ministère chargé de l'emploi.", textWidth);
        body(layout, "Pour vous connecter à CERES (CERTIFICATIONS Emplois), l'applicatif qui centralise l'ensemble "
                + "des processus métiers gérés par les différents acteurs de la politique du titre professionnel du "
                + "ministère chargé de l'emploi, vous devez créer un compte personnel CERES sur le portail de "
                + "services" + NBSP + ":", textWidth);

        layout.link(content.portalUrl().strip(), MARGIN_LEFT, textWidth, 12f);
        layout.skip(PARAGRAPH_GAP + 4f);

        body(layout, "Pour ce faire, vous devez vous munir des éléments suivants de votre dossier" + NBSP + ":",
                textWidth);
        layout.box(MARGIN_LEFT + 24f, textWidth - 48f,
                List.of(new String[] {"SIRET" + NBSP + ":", content.siret().strip()},
                        new String[] {"Code d'activation" + NBSP + ":", content.code().strip()}));
        layout.skip(PARAGRAPH_GAP + 6f);

        layout.paragraph("Ce code est confidentiel et ne sert qu'une fois" + NBSP + ": la première personne qui "
                        + "l'utilise devient gestionnaire des comptes CERES de votre centre.",
                MARGIN_LEFT, textWidth, 9.5f, 13f, false);
        layout.skip(PARAGRAPH_GAP + 4f);

        body(layout, "En cas de difficultés pour vous créer un compte, ou si vous estimez que ni votre centre, ni "
                + "votre siège n'êtes concernés par ce courrier, vous pouvez vous adresser au service d'assistance "
                + "téléphonique du lundi au vendredi 9h à 18h au " + unbreakable(content.helpLine().strip()) + ".",
                textWidth);
        body(layout, "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
                textWidth);

        layout.skip(12f);
        for (String line : issuer.split("\\R")) {
            layout.paragraph(line, RECIPIENT_X, recipientWidth, BODY_SIZE, BODY_LEADING, false);
        }
    }

    private static void body(Layout layout, String text, float width) throws IOException {
        layout.paragraph(text, MARGIN_LEFT, width, BODY_SIZE, BODY_LEADING, false);
        layout.skip(PARAGRAPH_GAP);
    }

    /** A phone number never breaks across lines. */
    private static String unbreakable(String text) {
        return text.replace(' ', NBSP);
    }

    private static String firstLine(String text) {
        return text.split("\\R", 2)[0];
    }

    private static byte[] readFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's font " + FONT_RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read PDFBox's font " + FONT_RESOURCE, e);
        }
    }

    /**
     * Puts text on the pages top to bottom: wraps it at word boundaries (breaking only words longer than a line),
     * and starts a new page when the current one is full.
     */
    private static final class Layout {

        private final PDDocument document;
        private final PDFont font;
        private PDPage page;
        private PDPageContentStream stream;
        private float y;

        Layout(PDDocument document, PDFont font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        float pageWidth() {
            return page.getMediaBox().getWidth();
        }

        float pageHeight() {
            return page.getMediaBox().getHeight();
        }

        void moveTo(float newY) {
            y = Math.min(y, newY);
        }

        void skip(float points) {
            y -= points;
        }

        void paragraph(String text, float x, float width, float size, float leading, boolean bold)
                throws IOException {
            for (String line : wrap(printable(text), width, size)) {
                ensureRoom(leading);
                y -= leading;
                show(line, x, y + (leading - size) / 2f, size, bold);
            }
        }

        /** The portal address, centred, bold, and clickable. */
        void link(String url, float x, float width, float size) throws IOException {
            float leading = size + 5f;
            for (String line : wrap(printable(url), width, size)) {
                ensureRoom(leading);
                y -= leading;
                float lineWidth = width(line, size);
                float left = x + (width - lineWidth) / 2f;
                float baseline = y + (leading - size) / 2f;
                show(line, left, baseline, size, true);
                if (url.startsWith("https://") || url.startsWith("http://")) {
                    PDAnnotationLink annotation = new PDAnnotationLink();
                    annotation.setRectangle(new PDRectangle(left, baseline - 3f, lineWidth, size + 4f));
                    PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
                    noBorder.setWidth(0);
                    annotation.setBorderStyle(noBorder);
                    PDActionURI action = new PDActionURI();
                    action.setURI(url);
                    annotation.setAction(action);
                    page.getAnnotations().add(annotation);
                }
            }
        }

        /** Label/value rows in a shaded, framed box; the box is never split across pages. */
        void box(float x, float width, List<String[]> rows) throws IOException {
            float padding = 12f;
            float size = 12f;
            float leading = 20f;
            float labelWidth = 0f;
            for (String[] row : rows) {
                labelWidth = Math.max(labelWidth, width(printable(row[0]), size));
            }
            float valueX = x + padding + labelWidth + 10f;
            float valueWidth = x + width - padding - valueX;
            List<String[]> lines = new ArrayList<>();
            for (String[] row : rows) {
                List<String> valueLines = wrap(printable(row[1]), valueWidth, size + 1f);
                for (int i = 0; i < valueLines.size(); i++) {
                    lines.add(new String[] {i == 0 ? printable(row[0]) : "", valueLines.get(i)});
                }
            }
            float height = 2 * padding + lines.size() * leading;
            ensureRoom(height + 6f);
            y -= 6f;
            float top = y;
            stream.saveGraphicsState();
            stream.setNonStrokingColor(0.94f, 0.95f, 0.97f);
            stream.setStrokingColor(0.25f, 0.30f, 0.45f);
            stream.setLineWidth(0.8f);
            stream.addRect(x, top - height, width, height);
            stream.fillAndStroke();
            stream.restoreGraphicsState();
            y -= padding;
            for (String[] line : lines) {
                y -= leading;
                // Capital letters centred in their slot, so the box looks as deep above the text as below it.
                float baseline = y + (leading - CAP_HEIGHT * size) / 2f;
                show(line[0], x + padding, baseline, size, false);
                show(line[1], valueX, baseline, size + 1f, true);
            }
            y = top - height;
        }

        void close() throws IOException {
            stream.close();
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
}
