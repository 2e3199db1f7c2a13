package fr.ceres.keycloak.centre.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ActivationLetterTest {

    /** Where the rendered pages go, for a person to look at. */
    private static final Path OUTPUT = Path.of("target", "activation-letters");

    private static final String SIRET = "73282932000074";
    private static final String CODE = "K7QM-3XPA-9RTW";
    private static final String PORTAL = "https://ceres.emploi.gouv.fr";

    private final ActivationLetter letter = new ActivationLetter();

    private static LetterContent content(String centreName, String adresse, String commune) {
        return new LetterContent(centreName, adresse, commune, SIRET, CODE, PORTAL, "01 46 29 25 54", "Paris",
                LocalDate.of(2018, 10, 29));
    }

    private static LetterContent typical() {
        return content("Centre de formation « Les Écrins » — Hôtellerie & Œnologie",
                "12 rue de l'Église, bâtiment Ç, 2ème étage", "75014 Paris");
    }

    @Test
    void letterReadsBackWithSiretCodePortalAndAccents() throws IOException {
        byte[] pdf = letter.generate(typical());
        render(pdf, "lettre-activation.png");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages(), "the letter fits on one page");
            PDRectangle a4 = PDRectangle.A4;
            assertEquals(a4.getWidth(), document.getPage(0).getMediaBox().getWidth(), 0.01f);
            assertEquals(a4.getHeight(), document.getPage(0).getMediaBox().getHeight(), 0.01f);

            String text = normalise(new PDFTextStripper().getText(document));
            assertTrue(text.contains(SIRET), text);
            assertTrue(text.contains(CODE), text);
            assertTrue(text.contains("Objet : Modalités d'accès à l'applicatif CERES"), text);
            assertTrue(text.contains(PORTAL), text);
            assertTrue(text.contains("Ministère du Travail — DREETS"), text);
            // The name wraps in the recipient block.
            assertTrue(text.contains("Centre de formation « Les Écrins » —\nHôtellerie & Œnologie"), text);
            assertTrue(text.contains("12 rue de l'Église, bâtiment Ç, 2ème étage"), text);
            assertTrue(text.contains("75014 Paris"), text);
            assertTrue(text.contains("Paris, le 29 octobre 2018"), text);
            // Paragraphs wrap wherever the font's widths say: compare them with line breaks as spaces.
            String flat = text.replaceAll("\\s+", " ");
            assertTrue(flat.contains("Madame, Monsieur,"), text);
            assertTrue(flat.contains("Vous avez un agrément pour organiser des sessions d'examen pour l'obtention "
                    + "d'un titre professionnel du ministère chargé de l'emploi."), text);
            assertTrue(flat.contains("Pour vous connecter à CERES (CERTIFICATIONS Emplois), l'applicatif qui "
                    + "centralise l'ensemble des processus métiers gérés par les différents acteurs de la politique "
                    + "du titre professionnel du ministère chargé de l'emploi, vous devez créer un compte personnel "
                    + "CERES sur le portail de services : " + PORTAL), text);
            assertTrue(flat.contains("Pour ce faire, vous devez vous munir des éléments suivants de votre dossier :"),
                    text);
            assertTrue(flat.contains("En cas de difficultés pour vous créer un compte, ou si vous estimez que ni "
                    + "votre centre, ni votre siège n'êtes concernés par ce courrier, vous pouvez vous adresser au "
                    + "service d'assistance téléphonique du lundi au vendredi 9h à 18h au 01 46 29 25 54."), text);
            assertTrue(text.contains("SIRET : " + SIRET), text);
            assertTrue(text.contains("Code d'activation : " + CODE), text);

            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded(), "the font travels with the letter");
            assertEquals("fr-FR", document.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void portalAddressIsALink() throws IOException {
        try (PDDocument document = Loader.loadPDF(letter.generate(typical()))) {
            List<PDAnnotation> annotations = document.getPage(0).getAnnotations();
            assertEquals(1, annotations.size());
            PDAnnotationLink link = (PDAnnotationLink) annotations.get(0);
            assertEquals(PORTAL, ((PDActionURI) link.getAction()).getURI());
        }
    }

    @Test
    void codeIsOnItsOwnLineBesideItsLabel() throws IOException {
        String[] lines = textOf(letter.generate(typical())).split("\\R");
        assertTrue(List.of(lines).contains("Code d'activation : " + CODE), String.join("\n", lines));
        assertTrue(List.of(lines).contains("SIRET : " + SIRET), String.join("\n", lines));
    }

    @Test
    void helpLineNeverBreaksAcrossLines() throws IOException {
        String text = textOf(letter.generate(typical()));
        assertTrue(text.contains("01 46 29 25 54"), text);
    }

    @Test
    void issuerIsConfigurableOnSeveralLines() throws IOException {
        ActivationLetter idf = new ActivationLetter("Ministère du Travail\nDREETS Île-de-France");
        String text = textOf(idf.generate(typical()));
        assertTrue(text.contains("Ministère du Travail\nDREETS Île-de-France"), text);
        assertFalse(text.contains(ActivationLetter.DEFAULT_ISSUER), text);
    }

    @Test
    void longNamesAndAddressesWrapInsideThePage() throws IOException {
        LetterContent content = content(
                "Association régionale pour la formation professionnelle des adultes et la promotion sociale des "
                        + "métiers de l'hôtellerie, de la restauration et du tourisme en Provence-Alpes-Côte d'Azur",
                "Zone d'activités économiques des Paluds, 1245 avenue de la Fleuride, bâtiment B, entrée nord, "
                        + "BP 120045678901234567890",
                "13685 Aubagne Cedex");
        byte[] pdf = letter.generate(content);
        render(pdf, "lettre-activation-longue.png");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = normalise(new PDFTextStripper().getText(document));
            assertTrue(text.contains("Provence-Alpes-Côte d'Azur"), text);
            assertTrue(text.contains(CODE), text);
            assertTrue(text.contains("13685 Aubagne Cedex"), text);
            assertEquals(1, document.getNumberOfPages());
        }
    }

    @Test
    void charactersTheFontLacksPrintAsQuestionMarks() throws IOException {
        String text = textOf(letter.generate(content("Centre 漢字 \uD83D\uDE00 Formation", "", "")));
        assertTrue(text.contains("Centre ?? ? Formation"), text);
    }

    @Test
    void decomposedAccentsAreComposed() throws IOException {
        String text = textOf(letter.generate(content("Cre\u0301teil Formation", "", "94000 Cre\u0301teil")));
        assertTrue(text.contains("Créteil Formation"), text);
    }

    @Test
    void frenchLongDates() {
        assertEquals("29 octobre 2018", ActivationLetter.frenchLongDate(LocalDate.of(2018, 10, 29)));
        assertEquals("1er février 2019", ActivationLetter.frenchLongDate(LocalDate.of(2019, 2, 1)));
        assertEquals("15 août 2026", ActivationLetter.frenchLongDate(LocalDate.of(2026, 8, 15)));
        assertEquals("2 décembre 2026", ActivationLetter.frenchLongDate(LocalDate.of(2026, 12, 2)));
    }

    @Test
    void contentNeverShowsTheCodeWhenPrinted() {
        String printed = typical().toString();
        assertFalse(printed.contains(CODE), printed);
        assertTrue(printed.contains(SIRET), printed);
    }

    @Test
    void missingFieldsAreRefusedWithoutEchoingValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LetterContent("Centre", "", "", SIRET, " ", PORTAL, "01", "Paris", LocalDate.now()));
        assertEquals("code is required", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ActivationLetter(" "));
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return normalise(new PDFTextStripper().getText(document));
        }
    }

    /** Non-breaking spaces read back as what they are; the assertions compare with plain spaces. */
    private static String normalise(String text) {
        return text.replace('\u00A0', ' ').replace("\r\n", "\n");
    }

    private static void render(byte[] pdf, String name) throws IOException {
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve(name.replace(".png", ".pdf")), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            assertTrue(ImageIO.write(image, "png", OUTPUT.resolve(name).toFile()));
        }
    }
}
