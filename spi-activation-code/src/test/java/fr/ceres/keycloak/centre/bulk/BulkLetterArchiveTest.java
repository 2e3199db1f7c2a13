package fr.ceres.keycloak.centre.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import fr.ceres.keycloak.centre.letter.ActivationLetter;
import fr.ceres.keycloak.centre.letter.LetterContent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class BulkLetterArchiveTest {

    private static final String CENTRE_1 = "73282932000074";
    private static final String CENTRE_2 = "55210055400005";
    private static final String CENTRE_3 = "73282932000009";

    @Test
    void archiveHoldsOneLetterPerIssuedCentreAndTheReport() throws Exception {
        List<CentreCsvRow> rows = new CentreCsvParser().parse(("""
                siret;reference_agrement;sites_lies
                %s;AGR-75-0001;
                %s;=HYPERLINK("http://evil");
                %s;AGR-3;
                123;AGR-4;
                %s;AGR-5;
                """.formatted(CENTRE_1, CENTRE_2, CENTRE_3, CENTRE_1)).getBytes(StandardCharsets.UTF_8));
        // What the caller decides after the register and existing centres: rows 2 and 3 issued, 4 already had one.
        ActivationLetter writer = new ActivationLetter();
        List<BulkLetterArchive.Letter> letters = new ArrayList<>();
        List<ReportLine> report = new ArrayList<>();
        report.add(ReportLine.issued(rows.get(0)));
        letters.add(new BulkLetterArchive.Letter(CENTRE_1, writer.generate(content(CENTRE_1, "AAAA-BBBB-CCCC"))));
        report.add(ReportLine.issued(rows.get(1)));
        letters.add(new BulkLetterArchive.Letter(CENTRE_2, writer.generate(content(CENTRE_2, "DDDD-EEEE-FFFF"))));
        report.add(ReportLine.alreadyIssued(rows.get(2), "un code a déjà été émis pour ce centre"));
        report.add(ReportLine.rejected(rows.get(3)));
        report.add(ReportLine.rejected(rows.get(4)));

        Map<String, byte[]> entries = unzip(BulkLetterArchive.build(letters, report));

        assertEquals(List.of("rapport.csv", "lettre-" + CENTRE_1 + ".pdf", "lettre-" + CENTRE_2 + ".pdf"),
                List.copyOf(entries.keySet()));
        assertTrue(textOf(entries.get("lettre-" + CENTRE_1 + ".pdf")).contains("AAAA-BBBB-CCCC"));
        assertTrue(textOf(entries.get("lettre-" + CENTRE_2 + ".pdf")).contains("DDDD-EEEE-FFFF"));

        byte[] csv = entries.get("rapport.csv");
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3),
                "UTF-8 byte order mark");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "ligne;siret;reference_agrement;resultat;motif;lettre",
                "2;" + CENTRE_1 + ";AGR-75-0001;emis;;lettre-" + CENTRE_1 + ".pdf",
                "3;" + CENTRE_2 + ";\"'=HYPERLINK(\"\"http://evil\"\")\";emis;;lettre-" + CENTRE_2 + ".pdf",
                "4;" + CENTRE_3 + ";AGR-3;deja-emis;un code a déjà été émis pour ce centre;",
                "5;123;AGR-4;rejete;SIRET « 123 » mal formé : 14 chiffres attendus;",
                "6;" + CENTRE_1 + ";AGR-5;rejete;SIRET en double dans le fichier (déjà ligne 2);"),
                List.of(text.split("\r\n")));
        assertTrue(text.endsWith("\r\n"));
    }

    @Test
    void streamingArchiveWritesLettersAsTheyComeAndTheReportLast() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BulkLetterArchive archive = new BulkLetterArchive(out)) {
            archive.addLetter("732 829 320 00074", new byte[] {1, 2, 3});
            archive.addReport(List.of(new ReportLine(2, "732 829 320 00074", "R", IssueOutcome.EMIS, null)));
            archive.finish();
        }
        Map<String, byte[]> entries = unzip(out.toByteArray());
        assertEquals(List.of("lettre-" + CENTRE_1 + ".pdf", "rapport.csv"), List.copyOf(entries.keySet()));
        assertArrayEquals(new byte[] {1, 2, 3}, entries.get("lettre-" + CENTRE_1 + ".pdf"));
        assertTrue(new String(entries.get("rapport.csv"), StandardCharsets.UTF_8)
                .contains("2;732 829 320 00074;R;emis;;lettre-" + CENTRE_1 + ".pdf\r\n"));
    }

    @Test
    void lettersAndReportMustAgree() throws IOException {
        ReportLine issued = new ReportLine(2, CENTRE_1, "R", IssueOutcome.EMIS, "");
        BulkLetterArchive.Letter other = new BulkLetterArchive.Letter(CENTRE_2, new byte[] {1});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BulkLetterArchive.build(List.of(other), List.of(issued)));
        assertEquals("Letters and report disagree: no letter for [" + CENTRE_1 + "], no 'emis' line for ["
                + CENTRE_2 + "]", e.getMessage());

        BulkLetterArchive.Letter letter = new BulkLetterArchive.Letter(CENTRE_1, new byte[] {1});
        assertThrows(IllegalArgumentException.class,
                () -> BulkLetterArchive.build(List.of(letter, letter), List.of(issued)));
        assertThrows(IllegalArgumentException.class,
                () -> BulkLetterArchive.build(List.of(letter), List.of(issued, issued)));
        try (BulkLetterArchive archive = new BulkLetterArchive(new ByteArrayOutputStream())) {
            assertThrows(IllegalStateException.class, archive::finish, "no report");
        }
    }

    @Test
    void fileNamesAreOnlyEverFourteenDigits() {
        assertEquals("lettre-" + CENTRE_1 + ".pdf", BulkLetterArchive.fileName(CENTRE_1));
        assertThrows(IllegalArgumentException.class, () -> BulkLetterArchive.fileName("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> new BulkLetterArchive.Letter("123", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> BulkLetterArchive.build(List.of(),
                List.of(new ReportLine(2, "abc", "R", IssueOutcome.EMIS, ""))));
    }

    @Test
    void emptyRunStillHasItsReport() throws IOException {
        Map<String, byte[]> entries = unzip(BulkLetterArchive.build(List.of(),
                List.of(new ReportLine(2, "x", "", IssueOutcome.REJETE, "SIRET « x » mal formé"))));
        assertEquals(List.of("rapport.csv"), List.copyOf(entries.keySet()));
    }

    @Test
    void cellsAreDefusedAndQuoted() {
        assertEquals("'=1+1", BulkLetterArchive.cell("=1+1"));
        assertEquals("'+33 1", BulkLetterArchive.cell("+33 1"));
        assertEquals("'-2", BulkLetterArchive.cell("-2"));
        assertEquals("'@SUM(A1)", BulkLetterArchive.cell("@SUM(A1)"));
        assertEquals("\"a;b\"", BulkLetterArchive.cell("a;b"));
        assertEquals("\"a\nb\"", BulkLetterArchive.cell("a\nb"));
        assertEquals("\"dit \"\"x\"\"\"", BulkLetterArchive.cell("dit \"x\""));
        assertEquals("Agrément n°12", BulkLetterArchive.cell("Agrément n°12"));
    }

    private static LetterContent content(String siret, String code) {
        return new LetterContent("Centre " + siret, "1 rue de la Paix", "75002 Paris", siret, code,
                "https://ceres.emploi.gouv.fr", "01 46 29 25 54", "Paris", LocalDate.of(2019, 1, 14));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
