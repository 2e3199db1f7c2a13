package fr.ceres.keycloak.centre.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.ceres.keycloak.centre.TypedCompany;
import fr.ceres.keycloak.siret.Siret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CentreCsvParserTest {

    private static final String CENTRE = "73282932000074";
    private static final String SITE_1 = "73282932000009";
    private static final String SITE_2 = "73282932000017";
    private static final String OTHER_COMPANY = "55210055400005";
    private static final String LA_POSTE = "35600000000001"; // valid by digit sum only

    private final CentreCsvParser parser = new CentreCsvParser();

    private List<CentreCsvRow> parse(String csv) throws CentreCsvException {
        return parser.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static Siret siret(String value) {
        return Siret.parse(value).orElseThrow();
    }

    @Test
    void semicolonFileWithLinkedSites() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("""
                siret;reference_agrement;sites_lies
                %s;AGR-75-2019-0001;%s|%s
                %s;AGR-13-2019-0042;
                """.formatted(CENTRE, SITE_1, SITE_2, OTHER_COMPANY));

        assertEquals(2, rows.size());
        CentreCsvRow first = rows.get(0);
        assertTrue(first.valid(), first.reason());
        assertEquals(2, first.line());
        assertEquals(siret(CENTRE), first.siret().orElseThrow());
        assertEquals("AGR-75-2019-0001", first.referenceAgrement());
        assertEquals(List.of(siret(SITE_1), siret(SITE_2)), first.sitesLies());

        CentreCsvRow second = rows.get(1);
        assertTrue(second.valid(), second.reason());
        assertEquals(3, second.line());
        assertEquals(List.of(), second.sitesLies());
    }

    @Test
    void companyColumnsForWhatTheRegisterDoesNotPublish() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("""
                siret;reference_agrement;Raison sociale;adresse;commune
                92969323200019;AGR-75-2026-0007;CLAIRE DURAND FORMATION;3 RUE OBERKAMPF;75011 PARIS
                %s;AGR-75-2026-0008;%s;;
                """.formatted(CENTRE, "X".repeat(256)));

        assertTrue(rows.get(0).valid(), rows.get(0).reason());
        assertEquals(new TypedCompany("CLAIRE DURAND FORMATION", "3 RUE OBERKAMPF", "75011 PARIS"), rows.get(0).typedCompany());
        assertEquals("la raison sociale : 255 caractères au plus", rows.get(1).reason());
    }

    @Test
    void commaFileWithBomCrlfAndSpaceSeparatedSites() throws CentreCsvException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = ("siret,reference_agrement,sites_lies\r\n" + CENTRE + ",AGR-1," + SITE_1 + " " + SITE_2
                + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        List<CentreCsvRow> rows = parser.parse(content);
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).valid(), rows.get(0).reason());
        assertEquals(List.of(siret(SITE_1), siret(SITE_2)), rows.get(0).sitesLies());
    }

    @Test
    void headerIsReadLeniently() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("Référence agrément;SIRET\n\"AGR; 7\";732 829 320 00074\n");
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).valid(), rows.get(0).reason());
        assertEquals("AGR; 7", rows.get(0).referenceAgrement());
        assertEquals(siret(CENTRE), rows.get(0).siret().orElseThrow());
        assertEquals("732 829 320 00074", rows.get(0).siretText());
    }

    @Test
    void groupedLinkedSiteAndRepeatsCountOnce() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("siret;reference_agrement;sites_lies\n"
                + CENTRE + ";R;732 829 320 00009 | " + SITE_1 + " | " + SITE_2 + "\n");
        assertTrue(rows.get(0).valid(), rows.get(0).reason());
        assertEquals(List.of(siret(SITE_1), siret(SITE_2)), rows.get(0).sitesLies());
    }

    @Test
    void laPosteSiretIsAccepted() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("siret;reference_agrement\n" + LA_POSTE + ";R\n");
        assertTrue(rows.get(0).valid(), rows.get(0).reason());
    }

    @Test
    void eachRowSaysWhatIsWrongInFrench() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("""
                siret;reference_agrement;sites_lies
                7328293200007;AGR-1;
                73282932000075;AGR-2;
                ;AGR-3;
                %s;;
                %s;AGR-5;%s
                %s;AGR-6;123
                %s;AGR-7;%s
                %s;AGR-8;
                """.formatted(SITE_1, OTHER_COMPANY, CENTRE, SITE_2, SITE_2, OTHER_COMPANY, SITE_2));

        assertEquals(8, rows.size());
        rows.forEach(row -> assertFalse(row.valid(), "line " + row.line()));
        assertEquals(List.of("SIRET « 7328293200007 » mal formé : 14 chiffres attendus"), rows.get(0).errors());
        assertEquals(List.of("SIRET « 73282932000075 » mal formé : clé de contrôle incorrecte"),
                rows.get(1).errors());
        assertEquals(List.of("SIRET manquant"), rows.get(2).errors());
        assertEquals(List.of("référence d'agrément manquante"), rows.get(3).errors());
        assertEquals(List.of("le site lié " + CENTRE + " n'appartient pas à la même entreprise (SIREN)"),
                rows.get(4).errors());
        assertEquals(List.of("le site lié « 123 » est mal formé : 14 chiffres attendus"), rows.get(5).errors());
        assertEquals(List.of("SIRET en double dans le fichier (déjà ligne 7)",
                "le site lié " + OTHER_COMPANY + " n'appartient pas à la même entreprise (SIREN)"),
                rows.get(6).errors());
        assertEquals("SIRET en double dans le fichier (déjà ligne 7) ; le site lié " + OTHER_COMPANY
                + " n'appartient pas à la même entreprise (SIREN)", rows.get(6).reason());
        assertEquals(List.of("SIRET en double dans le fichier (déjà ligne 7)"), rows.get(7).errors());
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9), rows.stream().map(CentreCsvRow::line).toList());
    }

    @Test
    void linkedSiteCannotBeTheCentreItself() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("siret;reference_agrement;sites_lies\n" + CENTRE + ";R;" + CENTRE + "\n");
        assertEquals(List.of("le site lié " + CENTRE + " est le SIRET du centre lui-même"), rows.get(0).errors());
    }

    @Test
    void tooLongReferenceAndTooManyFields() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("siret;reference_agrement;sites_lies\n"
                + CENTRE + ";" + "R".repeat(101) + ";;\n"
                + SITE_1 + ";R;" + SITE_2 + ";extra\n");
        assertTrue(rows.get(0).errors().contains("référence d'agrément trop longue (100 caractères au plus)"),
                rows.get(0).reason());
        assertEquals(1, rows.get(0).errors().size(), "a trailing empty field is no extra column");
        assertEquals(List.of("trop de colonnes (4 au lieu de 3) : un champ contenant le séparateur doit être "
                + "entre guillemets"), rows.get(1).errors());
    }

    @Test
    void blankLinesAreSkippedAndLineNumbersFollowTheFile() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("\n\nsiret;reference_agrement\n\n" + CENTRE + ";R\n;\n\n" + SITE_1
                + ";\"multi\nligne\"\n" + SITE_2 + ";R\n");
        assertEquals(List.of(5, 8, 10), rows.stream().map(CentreCsvRow::line).toList());
        assertEquals("multi\nligne", rows.get(1).referenceAgrement());
    }

    @Test
    @DisplayName("Given an approval reference with a control or bidirectional character, then its row is rejected with a French reason; decomposed accents are stored in NFC")
    void referenceWithHiddenCharacters() throws CentreCsvException {
        for (String reference : List.of("AGR\u0000-1", "AGR\u0001-1", "AGR\u0085-1", "AGR\u009f-1", "AGR-\u202e1",
                "\u2066AGR-1\u2069", "\"AGR\r\n1\"")) {
            CentreCsvRow row = parse("siret;reference_agrement\n" + CENTRE + ";" + reference + "\n").get(0);
            assertEquals(List.of("référence d'agrément contenant des caractères invisibles ou de contrôle"), row.errors(),
                    reference.codePoints().boxed().toList().toString());
        }
        CentreCsvRow accented = parse("siret;reference_agrement\n" + CENTRE + ";ARRE\u0302TE\u0301 2019\n").get(0);
        assertTrue(accented.valid(), accented.reason());
        assertEquals("ARRÊTÉ 2019", accented.referenceAgrement());
    }

    @Test
    void quotedFieldsWithEscapedQuotes() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("siret;reference_agrement\n\"" + CENTRE + "\";\"AGR \"\"2019\"\"\"\n");
        assertTrue(rows.get(0).valid(), rows.get(0).reason());
        assertEquals("AGR \"2019\"", rows.get(0).referenceAgrement());
    }

    @Test
    void wholeFileErrors() {
        assertFileRefused("", "Le fichier est vide : sa première ligne doit être l'en-tête "
                + "siret;reference_agrement;sites_lies.");
        assertFileRefused("\uFEFF\n\n", "Le fichier est vide : sa première ligne doit être l'en-tête "
                + "siret;reference_agrement;sites_lies.");
        assertFileRefused("siret;reference_agrement;sites_lies\n",
                "Le fichier ne contient aucun centre : une ligne par centre est attendue après l'en-tête.");
        assertFileRefused("siret\n" + CENTRE + "\n", "En-tête non reconnu : l'en-tête attendu est "
                + "siret;reference_agrement;sites_lies (séparateur « ; » ou « , »).");
        assertFileRefused("siret;agrement\n" + CENTRE + ";R\n", "Colonne inconnue « agrement » à la ligne 1 : "
                + "l'en-tête attendu est siret;reference_agrement;sites_lies.");
        assertFileRefused("siret;sites_lies\n" + CENTRE + ";\n", "L'en-tête doit nommer au moins les colonnes "
                + "siret et reference_agrement ; l'en-tête attendu est siret;reference_agrement;sites_lies.");
        assertFileRefused("siret;siret;reference_agrement\n", "La colonne siret figure deux fois dans l'en-tête.");
        assertFileRefused("siret;reference_agrement\n" + CENTRE + ";\"R\n" + SITE_1 + ";R\n",
                "Guillemet ouvert à la ligne 2 et jamais refermé.");
    }

    @Test
    void notUtf8IsRefused() {
        byte[] latin1 = ("siret;reference_agrement\n" + CENTRE + ";Agrément\n").getBytes(StandardCharsets.ISO_8859_1);
        CentreCsvException e = assertThrows(CentreCsvException.class, () -> parser.parse(latin1));
        assertEquals("Le fichier n'est pas encodé en UTF-8 : enregistrez-le au format « CSV UTF-8 » de votre "
                + "tableur.", e.getMessage());
    }

    @Test
    void rowCapIsEnforced() throws CentreCsvException {
        CentreCsvParser small = new CentreCsvParser(2, CentreCsvParser.DEFAULT_MAX_BYTES);
        String two = "siret;reference_agrement\n" + CENTRE + ";R\n" + SITE_1 + ";R\n";
        assertEquals(2, small.parse(two.getBytes(StandardCharsets.UTF_8)).size());
        CentreCsvException e = assertThrows(CentreCsvException.class,
                () -> small.parse((two + SITE_2 + ";R\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("Le fichier contient 3 centres ; 2 au plus par fichier : découpez-le en plusieurs fichiers.",
                e.getMessage());
    }

    @Test
    void defaultCapsAreFiveThousandRowsAndTwoMegabytes() {
        assertEquals(5000, parser.maxRows());
        assertEquals(2 * 1024 * 1024, parser.maxBytes());
        StringBuilder csv = new StringBuilder("siret;reference_agrement\n");
        for (int i = 0; i < 5001; i++) {
            csv.append(CENTRE).append(";R").append(i).append('\n');
        }
        CentreCsvException e = assertThrows(CentreCsvException.class, () -> parse(csv.toString()));
        assertEquals("Le fichier contient 5001 centres ; 5000 au plus par fichier : découpez-le en plusieurs "
                + "fichiers.", e.getMessage());
    }

    @Test
    void sizeCapIsEnforcedWithoutReadingTheWholeStream() throws IOException {
        CentreCsvParser small = new CentreCsvParser(10, 64 * 1024);
        byte[] big = new byte[10 * 1024 * 1024];
        CountingStream in = new CountingStream(new ByteArrayInputStream(big));
        CentreCsvException e = assertThrows(CentreCsvException.class, () -> small.parse(in));
        assertEquals("Le fichier dépasse la taille maximale de 64 Ko : découpez-le en plusieurs fichiers.",
                e.getMessage());
        assertTrue(in.read <= 64 * 1024 + 1, "read " + in.read + " bytes");

        CentreCsvException mega = assertThrows(CentreCsvException.class,
                () -> parser.parse(new byte[CentreCsvParser.DEFAULT_MAX_BYTES + 1]));
        assertEquals("Le fichier dépasse la taille maximale de 2 Mo : découpez-le en plusieurs fichiers.",
                mega.getMessage());
    }

    @Test
    void messagesQuoteCellsShortAndClean() throws CentreCsvException {
        List<CentreCsvRow> rows = parse("siret;reference_agrement\n" + "9".repeat(60) + ";R\n");
        assertEquals("SIRET « " + "9".repeat(40) + "… » mal formé : 14 chiffres attendus",
                rows.get(0).reason().replace('\u00A0', ' '));
    }

    private void assertFileRefused(String csv, String message) {
        CentreCsvException e = assertThrows(CentreCsvException.class, () -> parse(csv), csv);
        assertEquals(message, e.getMessage().replace('\u00A0', ' '), csv);
    }

    private static final class CountingStream extends InputStream {
        private final InputStream in;
        private long read;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
