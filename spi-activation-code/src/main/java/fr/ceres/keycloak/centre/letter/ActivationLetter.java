package fr.ceres.keycloak.centre.letter;

import static fr.ceres.keycloak.centre.letter.PdfLayout.NBSP;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

import fr.ceres.keycloak.centre.letter.PdfLayout.Column;
import fr.ceres.keycloak.centre.letter.PdfLayout.Row;
import fr.ceres.keycloak.centre.letter.PdfLayout.Style;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Writes the letter a centre receives with its activation code: the ministry's "Objet : Modalités d'accès à
 * l'applicatif CERES" procedure letter, in French, as an A4 PDF. This class says what the letter says and where;
 * {@code PdfLayout} sets it on the page, in an embedded font so that it prints the same everywhere. Characters the
 * font does not have (from a register's data) print as "?" instead of failing the letter.
 *
 * <p>The code is a secret: this class never logs, and nothing it throws carries the code. An instance is
 * immutable and may be shared between threads; each call builds its own document.
 */
public final class ActivationLetter {

    /** Who signs the letter when nothing else is configured. */
    public static final String DEFAULT_ISSUER = "Ministère du Travail — DREETS";

    static final String SUBJECT = "Modalités d'accès à l'applicatif CERES";

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private static final Column SENDER = new Column(PdfLayout.TEXT.x(), 220f);
    /** The recipient block sits where a French DL window envelope shows it: about 105 mm from the left edge. */
    private static final Column RECIPIENT = PdfLayout.columnFrom(298f);
    private static final float RECIPIENT_TOP = 150f;
    private static final Column CODE_BOX = PdfLayout.TEXT.inset(24f);

    private static final Style HEADING = new Style(11f, 14f, true);
    private static final Style ADDRESS = new Style(11f, 14f, false);
    private static final Style BODY = new Style(10.5f, 14.5f, false);
    private static final Style NOTE = new Style(9.5f, 13f, false);
    private static final float LINK_SIZE = 12f;
    private static final float PARAGRAPH_GAP = 8f;

    private final String issuer;
    /** Read once: every letter embeds the part of it its text uses. */
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
        this.font = PdfLayout.readFont();
    }

    /** The sender block this instance prints. */
    public String issuer() {
        return issuer;
    }

    /** The letter as PDF bytes. */
    public byte[] generate(LetterContent content) {
        Objects.requireNonNull(content, "content");
        try (PDDocument document = new PDDocument()) {
            describe(document, content);
            try (PdfLayout layout = new PdfLayout(document, font)) {
                heading(layout, content);
                instructions(layout, content);
                closing(layout, content);
            }
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

    /** Sender, recipient, place and date, subject. */
    private void heading(PdfLayout layout, LetterContent content) throws IOException {
        // Sender, top left.
        issuerBlock(layout, SENDER, HEADING);

        // Recipient, in the envelope window.
        layout.downTo(RECIPIENT_TOP);
        layout.paragraph(content.centreName(), RECIPIENT, HEADING);
        layout.paragraph(content.adresse(), RECIPIENT, ADDRESS);
        layout.paragraph(content.commune(), RECIPIENT, ADDRESS);

        layout.skip(26f);
        layout.paragraph(content.place().strip() + ", le " + frenchLongDate(content.date()), RECIPIENT, BODY);

        layout.skip(26f);
        layout.paragraph("Objet" + NBSP + ": " + SUBJECT, PdfLayout.TEXT, HEADING);
        layout.skip(16f);
    }

    /** Where to create the account, and the SIRET and code to create it with. */
    private static void instructions(PdfLayout layout, LetterContent content) throws IOException {
        body(layout, "Madame, Monsieur,");
        body(layout, "Vous avez un agrément pour organiser des sessions d'examen pour l'obtention d'un titre "
                + "professionnel du ministère chargé de l'emploi.");
        body(layout, "Pour vous connecter à CERES (CERTIFICATIONS Emplois), l'applicatif qui centralise l'ensemble "
                + "des processus métiers gérés par les différents acteurs de la politique du titre professionnel du "
                + "ministère chargé de l'emploi, vous devez créer un compte personnel CERES sur le portail de "
                + "services" + NBSP + ":");

        layout.link(content.portalUrl().strip(), PdfLayout.TEXT, LINK_SIZE);
        layout.skip(PARAGRAPH_GAP + 4f);

        body(layout, "Pour ce faire, vous devez vous munir des éléments suivants de votre dossier" + NBSP + ":");
        layout.box(CODE_BOX, List.of(new Row("SIRET" + NBSP + ":", content.siret().strip()),
                new Row("Code d'activation" + NBSP + ":", content.code().strip())));
        layout.skip(PARAGRAPH_GAP + 6f);

        layout.paragraph("Ce code est confidentiel et ne sert qu'une fois" + NBSP + ": la première personne qui "
                + "l'utilise devient gestionnaire des comptes CERES de votre centre.", PdfLayout.TEXT, NOTE);
        layout.skip(PARAGRAPH_GAP + 4f);
    }

    /** Where to get help, the salutation, and the signature under the recipient block. */
    private void closing(PdfLayout layout, LetterContent content) throws IOException {
        body(layout, "En cas de difficultés pour vous créer un compte, ou si vous estimez que ni votre centre, ni "
                + "votre siège n'êtes concernés par ce courrier, vous pouvez vous adresser au service d'assistance "
                + "téléphonique du lundi au vendredi 9h à 18h au " + unbreakable(content.helpLine().strip()) + ".");
        body(layout, "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");

        layout.skip(12f);
        issuerBlock(layout, RECIPIENT, BODY);
    }

    /** The issuer, one line of the page per line of the configured text. */
    private void issuerBlock(PdfLayout layout, Column column, Style style) throws IOException {
        for (String line : issuer.split("\\R")) {
            layout.paragraph(line, column, style);
        }
    }

    private static void body(PdfLayout layout, String text) throws IOException {
        layout.paragraph(text, PdfLayout.TEXT, BODY);
        layout.skip(PARAGRAPH_GAP);
    }

    /** A phone number never breaks across lines. */
    private static String unbreakable(String text) {
        return text.replace(' ', NBSP);
    }

    private static String firstLine(String text) {
        return text.split("\\R", 2)[0];
    }
}
