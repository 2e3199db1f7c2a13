package fr.ceres.keycloak.centre.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.ceres.keycloak.centre.ReferenceAgrement;
import fr.ceres.keycloak.centre.TypedCompany;
import fr.ceres.keycloak.siret.Siret;

/**
 * Reads the CSV of centres an agent uploads to issue activation codes in bulk. Pure parsing and checking of the
 * file's own content: whether a SIRET is in the company register, or a centre already exists or has a code, is the
 * caller's business.
 *
 * <h2>Format</h2>
 * <ul>
 *   <li>Text in UTF-8; a byte order mark (what spreadsheet software writes for "CSV UTF-8") is tolerated.</li>
 *   <li>First non-blank line: the header {@code siret;reference_agrement;sites_lies}. Column names are read without
 *       regard to case, accents, or spaces versus underscores ("Référence agrément" is {@code reference_agrement});
 *       their order is free; {@code sites_lies} may be left out; any other column is refused.</li>
 *   <li>Separator: {@code ;} or {@code ,}, whichever the header uses (a {@code ;} wins when it has both).</li>
 *   <li>Fields may be quoted the usual CSV way ({@code "a;b"}, {@code ""} for a quote inside).</li>
 *   <li>{@code siret}: 14 digits with a valid check key; spaces inside are allowed ({@code 732 829 320 00074}).</li>
 *   <li>{@code reference_agrement}: the approval reference, required, on one line, without control or invisible
 *       characters, at most {@value ReferenceAgrement#MAX_LENGTH} characters; kept in NFC
 *       ({@link ReferenceAgrement}).</li>
 *   <li>{@code sites_lies}: optional; SIRETs of other establishments of the same company (same SIREN), separated by
 *       spaces or {@code |}; a single SIRET may also be written in groups ({@code 732 829 320 00082}). A repeated
 *       linked site counts once.</li>
 *   <li>{@code raison_sociale}, {@code adresse}, {@code commune}: optional; used only where the company register
 *       does not publish the field (an establishment in partial diffusion, typically a sole trader), at most
 *       {@value TypedCompany#MAX_LENGTH} characters each.</li>
 *   <li>Blank lines (or lines of empty fields) are skipped; line numbers in messages are the file's own lines (the
 *       header is line 1 when it is the first line). Line endings: LF, CRLF or CR.</li>
 *   <li>Limits: {@value #DEFAULT_MAX_ROWS} centres and {@value #DEFAULT_MAX_BYTES} bytes (2 Mo) per file by
 *       default; beyond either, the whole file is refused.</li>
 * </ul>
 * Each data row comes back as a {@link CentreCsvRow}, valid or with its reasons in French: SIRET missing or
 * malformed, approval reference missing, too long or with hidden characters, a linked site malformed or of another
 * SIREN, the same SIRET twice in the file (the later rows are rejected, the first one stays), too many fields. A
 * file that cannot be read as a whole (size, row count, encoding, header, an unclosed quote, no centre at all)
 * raises a {@link CentreCsvException} whose message is meant for the agent.
 *
 * <p>Example:
 * <pre>
 * siret;reference_agrement;sites_lies
 * 73282932000074;AGR-75-2019-0001;73282932000082|73282932000090
 * 552 100 554 00025;AGR-13-2019-0042;
 * </pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CentreCsvParser {

    public static final int DEFAULT_MAX_ROWS = 5000;
    public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

    public static final String COLUMN_SIRET = "siret";
    public static final String COLUMN_REFERENCE = "reference_agrement";
    public static final String COLUMN_SITES = "sites_lies";
    /** Optional: for what the company register does not publish (an establishment in partial diffusion). */
    public static final String COLUMN_RAISON_SOCIALE = "raison_sociale";
    public static final String COLUMN_ADRESSE = "adresse";
    public static final String COLUMN_COMMUNE = "commune";
    private static final Set<String> COLUMNS = Set.of(COLUMN_SIRET, COLUMN_REFERENCE, COLUMN_SITES,
            COLUMN_RAISON_SOCIALE, COLUMN_ADRESSE, COLUMN_COMMUNE);
    /** The header as the documentation and messages show it. */
    public static final String EXPECTED_HEADER = COLUMN_SIRET + ";" + COLUMN_REFERENCE + ";" + COLUMN_SITES;

    private static final char BOM = '\uFEFF';
    private static final char QUOTE = '"';
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");
    private static final Pattern FOURTEEN_DIGITS = Pattern.compile("[0-9]{14}");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    /** How much of a cell a message quotes back. */
    private static final int QUOTED_MAX = 40;

    private final int maxRows;
    private final int maxBytes;

    /** The default limits: {@value #DEFAULT_MAX_ROWS} rows, {@value #DEFAULT_MAX_BYTES} bytes. */
    public CentreCsvParser() {
        this(DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES);
    }

    public CentreCsvParser(int maxRows, int maxBytes) {
        if (maxRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    public int maxRows() {
        return maxRows;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Reads at most one byte more than the size limit from the stream (which stays open), so an oversized upload
     * is refused without being read in full.
     */
    public List<CentreCsvRow> parse(InputStream in) throws IOException, CentreCsvException {
        byte[] content = in.readNBytes(maxBytes + 1);
        return parse(content);
    }

    /** Every data row of the file, valid or not, in file order. */
    public List<CentreCsvRow> parse(byte[] content) throws CentreCsvException {
        if (content.length > maxBytes) {
            throw new CentreCsvException("Le fichier dépasse la taille maximale de " + size(maxBytes)
                    + " : découpez-le en plusieurs fichiers.");
        }
        String text = decode(content);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        char separator = separator(firstLine(text));
        List<Record> records = new Tokenizer(text, separator).records();
        records.removeIf(Record::blank);
        if (records.isEmpty()) {
            throw new CentreCsvException("Le fichier est vide : sa première ligne doit être l'en-tête "
                    + EXPECTED_HEADER + ".");
        }
        Map<String, Integer> columns = header(records.get(0));
        List<Record> data = records.subList(1, records.size());
        if (data.isEmpty()) {
            throw new CentreCsvException("Le fichier ne contient aucun centre : une ligne par centre est attendue "
                    + "après l'en-tête.");
        }
        if (data.size() > maxRows) {
            throw new CentreCsvException("Le fichier contient " + data.size() + " centres ; " + maxRows
                    + " au plus par fichier : découpez-le en plusieurs fichiers.");
        }
        List<CentreCsvRow> rows = new ArrayList<>(data.size());
        Map<Siret, Integer> firstLineOf = new HashMap<>();
        for (Record record : data) {
            rows.add(row(record, columns, firstLineOf));
        }
        return rows;
    }

    private static CentreCsvRow row(Record record, Map<String, Integer> columns, Map<Siret, Integer> firstLineOf) {
        List<String> errors = new ArrayList<>();
        if (record.fields().size() > columns.size()
                && record.fields().subList(columns.size(), record.fields().size()).stream()
                        .anyMatch(field -> !field.isBlank())) {
            errors.add("trop de colonnes (" + record.fields().size() + " au lieu de " + columns.size()
                    + ") : un champ contenant le séparateur doit être entre guillemets");
        }

        String siretText = record.field(columns.get(COLUMN_SIRET));
        Optional<Siret> siret = Siret.parse(siretText);
        if (siretText.isEmpty()) {
            errors.add("SIRET manquant");
        } else if (siret.isEmpty()) {
            errors.add("SIRET " + quote(siretText) + " mal formé : " + siretDefect(siretText));
        } else {
            Integer first = firstLineOf.putIfAbsent(siret.get(), record.line());
            if (first != null) {
                errors.add("SIRET en double dans le fichier (déjà ligne " + first + ")");
            }
        }

        String reference = ReferenceAgrement.normalize(record.field(columns.get(COLUMN_REFERENCE)));
        ReferenceAgrement.problem(reference).ifPresent(problem -> errors.add("référence d'agrément " + problem));

        Integer sitesColumn = columns.get(COLUMN_SITES);
        List<Siret> sites = sitesColumn == null ? List.of()
                : sites(record.field(sitesColumn), siret.orElse(null), errors);
        TypedCompany typed = new TypedCompany(optional(record, columns, COLUMN_RAISON_SOCIALE),
                optional(record, columns, COLUMN_ADRESSE), optional(record, columns, COLUMN_COMMUNE));
        errors.addAll(typed.problems());
        return new CentreCsvRow(record.line(), siretText, siret, reference, sites, typed, errors);
    }

    private static String optional(Record record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : record.field(index);
    }

    private static List<Siret> sites(String cell, Siret centre, List<String> errors) {
        Set<Siret> sites = new LinkedHashSet<>();
        for (String token : siteTokens(cell)) {
            Optional<Siret> site = Siret.parse(token);
            if (site.isEmpty()) {
                errors.add("le site lié " + quote(token) + " est mal formé : " + siretDefect(token));
            } else if (centre == null) {
                sites.add(site.get());
            } else if (site.get().equals(centre)) {
                errors.add("le site lié " + site.get() + " est le SIRET du centre lui-même");
            } else if (!site.get().siren().equals(centre.siren())) {
                errors.add("le site lié " + site.get() + " n'appartient pas à la même entreprise (SIREN)");
            } else {
                sites.add(site.get());
            }
        }
        return List.copyOf(sites);
    }

    /**
     * The cell split at "|" and, within each part, at spaces; a part whose pieces are not each 14 long but which
     * has exactly 14 digits in all is one SIRET written in groups ("732 829 320 00082").
     */
    private static List<String> siteTokens(String cell) {
        List<String> tokens = new ArrayList<>();
        for (String part : cell.split("\\|")) {
            String trimmed = SPACES.matcher(part).replaceAll(" ").strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] pieces = trimmed.split(" ");
            String joined = String.join("", pieces);
            boolean grouped = pieces.length > 1 && FOURTEEN_DIGITS.matcher(joined).matches();
            if (grouped) {
                tokens.add(joined);
            } else {
                tokens.addAll(List.of(pieces));
            }
        }
        return tokens;
    }

    private static String siretDefect(String text) {
        String digits = SPACES.matcher(text).replaceAll("");
        return FOURTEEN_DIGITS.matcher(digits).matches() ? "clé de contrôle incorrecte" : "14 chiffres attendus";
    }

    private static Map<String, Integer> header(Record header) throws CentreCsvException {
        Map<String, Integer> columns = new HashMap<>();
        List<String> fields = header.fields();
        int last = fields.size();
        while (last > 0 && fields.get(last - 1).isBlank()) {
            last--; // A trailing separator after the last column name.
        }
        for (int i = 0; i < last; i++) {
            String name = columnName(fields.get(i));
            if (!COLUMNS.contains(name)) {
                throw new CentreCsvException("Colonne inconnue " + quote(fields.get(i)) + " à la ligne "
                        + header.line() + " : l'en-tête attendu est " + EXPECTED_HEADER + ".");
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new CentreCsvException("La colonne " + name + " figure deux fois dans l'en-tête.");
            }
        }
        if (!columns.containsKey(COLUMN_SIRET) || !columns.containsKey(COLUMN_REFERENCE)) {
            throw new CentreCsvException("L'en-tête doit nommer au moins les colonnes " + COLUMN_SIRET + " et "
                    + COLUMN_REFERENCE + " ; l'en-tête attendu est " + EXPECTED_HEADER + ".");
        }
        return columns;
    }

    /** "Référence agrément" → "reference_agrement". */
    private static String columnName(String field) {
        String plain = ACCENTS.matcher(Normalizer.normalize(field.strip(), Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("_").replace('-', '_');
    }

    private static char separator(String headerLine) throws CentreCsvException {
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        if (semicolons == 0 && commas == 0) {
            if (headerLine.isBlank()) {
                throw new CentreCsvException("Le fichier est vide : sa première ligne doit être l'en-tête "
                        + EXPECTED_HEADER + ".");
            }
            throw new CentreCsvException("En-tête non reconnu : l'en-tête attendu est " + EXPECTED_HEADER
                    + " (séparateur « ; » ou « , »).");
        }
        return semicolons >= commas ? ';' : ',';
    }

    /** The first non-blank line: where the header is. */
    private static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }

    private static String decode(byte[] content) throws CentreCsvException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CentreCsvException("Le fichier n'est pas encodé en UTF-8 : enregistrez-le au format "
                    + "« CSV UTF-8 » de votre tableur.");
        }
    }

    private static String size(int bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " Mo";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " Ko" : bytes + " octets";
    }

    /** A cell quoted back in a message: « value », without control characters, cut if long. */
    static String quote(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.length() > QUOTED_MAX) {
            clean = clean.substring(0, QUOTED_MAX) + "…";
        }
        return "« " + clean + " »";
    }

    /** One CSV record: the line it starts on and its fields, trimmed. */
    private record Record(int line, List<String> fields) {

        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }

        String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }
    }

    /** RFC 4180 reading, with the line numbers of the file. */
    private static final class Tokenizer {

        private final String text;
        private final char separator;
        private int position;
        private int line = 1;

        Tokenizer(String text, char separator) {
            this.text = text;
            this.separator = separator;
        }

        List<Record> records() throws CentreCsvException {
            List<Record> records = new ArrayList<>();
            while (position < text.length()) {
                records.add(record());
            }
            return records;
        }

        private Record record() throws CentreCsvException {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (quoted) {
                    if (c == QUOTE) {
                        if (position < text.length() && text.charAt(position) == QUOTE) {
                            field.append(QUOTE);
                            position++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        countLineBreak(c);
                        field.append(c);
                    }
                } else if (c == QUOTE && field.toString().isBlank() && !wasQuoted) {
                    field.setLength(0);
                    quoted = true;
                    wasQuoted = true;
                } else if (c == separator) {
                    fields.add(field.toString().strip());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                        position++;
                    }
                    line++;
                    fields.add(field.toString().strip());
                    return new Record(start, fields);
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new CentreCsvException("Guillemet ouvert à la ligne " + start + " et jamais refermé.");
            }
            fields.add(field.toString().strip());
            return new Record(start, fields);
        }

        private void countLineBreak(char c) {
            boolean crlf = c == '\r' && position < text.length() && text.charAt(position) == '\n';
            if (c == '\n' || (c == '\r' && !crlf)) {
                line++;
            }
        }
    }
}
