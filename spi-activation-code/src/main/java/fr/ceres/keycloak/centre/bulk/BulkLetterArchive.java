package fr.ceres.keycloak.centre.bulk;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP an agent downloads after a bulk issue: one letter per centre that got a code ({@code lettre-<siret>.pdf},
 * the SIRET as 14 digits) and {@value #REPORT_NAME}, one line per input row with its outcome.
 *
 * <p>The report is CSV in UTF-8 with a byte order mark (so spreadsheet software shows the accents right), {@code ;}
 * separated, CRLF line ends, columns {@code ligne;siret;reference_agrement;resultat;motif;lettre}: the row's line
 * in the uploaded file, the SIRET and approval reference as written, {@code emis} / {@code deja-emis} /
 * {@code rejete}, the reason in French, and the letter's file name for {@code emis}. Cells that a spreadsheet would
 * take for a formula (starting with {@code = + - @}, a tab or a carriage return) are prefixed with an apostrophe.
 *
 * <p>The archive streams: letters are written as they come ({@link #addLetter}), so a caller need not hold 5 000
 * letters in memory; {@link #build} is the all-in-memory shortcut. On {@link #finish} the letters must match the
 * {@code emis} lines one for one: a mismatch is a bug of the caller and fails loudly rather than ship a report that
 * lies. Not thread-safe (one archive, one writer).
 */
public final class BulkLetterArchive implements Closeable {

    public static final String REPORT_NAME = "rapport.csv";
    static final String REPORT_HEADER = "ligne;siret;reference_agrement;resultat;motif;lettre";

    private static final Pattern FOURTEEN_DIGITS = Pattern.compile("[0-9]{14}");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ZipOutputStream zip;
    private final Set<String> letters = new LinkedHashSet<>();
    private Set<String> issuedInReport;
    private boolean finished;

    /** A letter and the SIRET (14 digits) it was written for. */
    public record Letter(String siret, byte[] pdf) {

        public Letter {
            Objects.requireNonNull(pdf, "pdf");
            siret = requireSiret(siret);
        }
    }

    /** Writes the archive to {@code out}, which {@link #close} closes. */
    public BulkLetterArchive(OutputStream out) {
        this.zip = new ZipOutputStream(Objects.requireNonNull(out, "out"), StandardCharsets.UTF_8);
    }

    /** The whole archive in memory: the report first, then the letters in list order. */
    public static byte[] build(List<Letter> letters, List<ReportLine> report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BulkLetterArchive archive = new BulkLetterArchive(out)) {
            archive.addReport(report);
            for (Letter letter : letters) {
                archive.addLetter(letter.siret(), letter.pdf());
            }
            archive.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the letters archive in memory", e);
        }
        return out.toByteArray();
    }

    /** "lettre-73282932000074.pdf". */
    public static String fileName(String siret) {
        return "lettre-" + requireSiret(siret) + ".pdf";
    }

    /** Adds {@code lettre-<siret>.pdf}; one letter per SIRET. */
    public void addLetter(String siret, byte[] pdf) throws IOException {
        requireOpen();
        String name = fileName(siret);
        if (!letters.add(requireSiret(siret))) {
            throw new IllegalArgumentException("Two letters for SIRET " + requireSiret(siret));
        }
        write(name, Objects.requireNonNull(pdf, "pdf"));
    }

    /** Adds {@value #REPORT_NAME}; once per archive, before or after the letters. */
    public void addReport(List<ReportLine> report) throws IOException {
        requireOpen();
        if (issuedInReport != null) {
            throw new IllegalStateException("The report is already in the archive");
        }
        Set<String> issued = new HashSet<>();
        for (ReportLine line : report) {
            if (line.outcome() == IssueOutcome.EMIS && !issued.add(requireSiret(line.siret()))) {
                throw new IllegalArgumentException("Two 'emis' lines for SIRET " + requireSiret(line.siret()));
            }
        }
        issuedInReport = issued;
        write(REPORT_NAME, report(report));
    }

    /** Checks that every {@code emis} line has its letter and every letter its line, and ends the ZIP. */
    public void finish() throws IOException {
        requireOpen();
        if (issuedInReport == null) {
            throw new IllegalStateException("The archive has no report");
        }
        if (!issuedInReport.equals(letters)) {
            Set<String> missing = new LinkedHashSet<>(issuedInReport);
            missing.removeAll(letters);
            Set<String> unreported = new LinkedHashSet<>(letters);
            unreported.removeAll(issuedInReport);
            throw new IllegalStateException("Letters and report disagree: no letter for " + missing
                    + ", no 'emis' line for " + unreported);
        }
        zip.finish();
        finished = true;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** The report's bytes: BOM, header, one CRLF-ended line per row. */
    static byte[] report(List<ReportLine> lines) {
        StringBuilder csv = new StringBuilder(64 * (lines.size() + 1));
        csv.append(REPORT_HEADER).append("\r\n");
        for (ReportLine line : lines) {
            String letter = line.outcome() == IssueOutcome.EMIS ? fileName(line.siret()) : "";
            csv.append(line.line()).append(';')
                    .append(cell(line.siret())).append(';')
                    .append(cell(line.referenceAgrement())).append(';')
                    .append(line.outcome().label()).append(';')
                    .append(cell(line.reason())).append(';')
                    .append(letter).append("\r\n");
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[UTF8_BOM.length + text.length];
        System.arraycopy(UTF8_BOM, 0, bytes, 0, UTF8_BOM.length);
        System.arraycopy(text, 0, bytes, UTF8_BOM.length, text.length);
        return bytes;
    }

    /** A CSV cell: defused if a spreadsheet would run it as a formula, quoted if it holds ; " or a line break. */
    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(';') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private void write(String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("The archive is finished");
        }
    }

    /** The SIRET as 14 digits (spaces allowed in the input); anything else is a caller bug, never a file name. */
    private static String requireSiret(String siret) {
        String digits = siret == null ? "" : SPACES.matcher(siret).replaceAll("");
        if (!FOURTEEN_DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("Not a SIRET: " + CentreCsvParser.quote(String.valueOf(siret)));
        }
        return digits;
    }
}
