package fr.ceres.keycloak.centre.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.centre.Centres;
import fr.ceres.keycloak.centre.bulk.BulkLetterArchive;
import fr.ceres.keycloak.centre.bulk.CentreCsvRow;
import fr.ceres.keycloak.centre.bulk.IssueOutcome;
import fr.ceres.keycloak.centre.bulk.ReportLine;
import fr.ceres.keycloak.centre.code.CentreCodeStatus;
import fr.ceres.keycloak.siret.Siret;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The bulk issue: for each valid row of the agent's CSV, registers the centre if it is new (the same
 * register check as one at a time, the row's raison sociale, adresse and commune standing in for what the
 * register does not publish), then issues its code unless it already has one pending or redeemed and
 * re-issuing was not asked for. A centre with gestionnaires is never re-issued from a file: that needs a reason and
 * tells them ({@link CodeIssuer}), one centre at a time. The answer is the ZIP of letters plus {@code rapport.csv}.
 *
 * <p>An existing centre is not modified by the file: its approval reference and linked sites stay as registered.
 * All rows run in the request's one transaction, so the codes in the ZIP are exactly the ones committed. For the
 * same reason, when another request registers or issues for one of the file's centres at the same instant, the
 * import stops with a {@link Conflict}: the database refused one write, the whole transaction rolls back, and no
 * letter goes out whose code would not exist.
 */
final class CentreImport {

    /** What became of an import: the ZIP, or a conflict that rolled all of it back. */
    sealed interface Result {
    }

    /** The ZIP's bytes: one letter per issued code, plus {@code rapport.csv}. */
    record Archive(byte[] zip) implements Result {
    }

    /** Nothing of the import was kept; the agent runs it again. */
    record Conflict(ApiError error) implements Result {
    }

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.of("Europe/Paris"));

    private final Centres centres;
    private final CentreRegistration registration;
    private final CodeIssuer issuer;
    private final CentreEvents events;
    private final AdminEventBuilder adminEvent;

    CentreImport(Centres centres, CentreRegistration registration, CodeIssuer issuer, CentreEvents events,
                 AdminEventBuilder adminEvent) {
        this.centres = centres;
        this.registration = registration;
        this.issuer = issuer;
        this.events = events;
        this.adminEvent = adminEvent;
    }

    Result run(List<CentreCsvRow> rows, boolean reissue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ReportLine> report = new ArrayList<>(rows.size());
        int registered = 0;
        try (BulkLetterArchive archive = new BulkLetterArchive(out)) {
            for (CentreCsvRow row : rows) {
                if (!row.valid()) {
                    report.add(ReportLine.rejected(row));
                    continue;
                }
                Siret siret = row.siret().orElseThrow();
                Optional<Centre> existing = centres.find(siret);
                Centre centre;
                if (existing.isPresent()) {
                    centre = existing.get();
                } else if (centres.exists(siret)) {
                    report.add(ReportLine.rejected(row, "une organisation qui n'est pas un centre porte déjà ce SIRET"));
                    continue;
                } else {
                    CentreRegistration.Result result = registration.register(siret, row.referenceAgrement(),
                            row.sitesLies(), row.typedCompany());
                    if (result instanceof CentreRegistration.Refused refused) {
                        report.add(ReportLine.rejected(row, refused.error().description()));
                        continue;
                    }
                    if (result instanceof CentreRegistration.Conflict) {
                        return conflict(siret);
                    }
                    centre = ((CentreRegistration.Registered) result).centre();
                    events.registered(centre, issuer.status(centre));
                    registered++;
                }
                CentreCodeStatus status = issuer.status(centre);
                if (!reissue && status.state() != CentreCodeStatus.State.NO_CODE) {
                    report.add(ReportLine.alreadyIssued(row, alreadyIssuedReason(status)));
                    continue;
                }
                long gestionnaires = centres.gestionnaireCount(centre);
                if (gestionnaires > 0) {
                    // Re-issuing an active centre's code needs a reason and tells its gestionnaires: one at a time.
                    report.add(ReportLine.alreadyIssued(row, "centre actif (" + gestionnaires + " gestionnaire(s)) :"
                            + " réémettez son code depuis la fiche du centre, avec un motif"));
                    continue;
                }
                CodeIssuer.Result issued = issuer.issue(centre, Optional.empty());
                if (issued instanceof CodeIssuer.Conflict) {
                    return conflict(siret);
                }
                if (issued instanceof CodeIssuer.Refused refused) {
                    report.add(ReportLine.rejected(row, refused.error().description()));
                    continue;
                }
                archive.addLetter(siret.value(), ((CodeIssuer.Issued) issued).letter());
                report.add(ReportLine.issued(row));
            }
            archive.addReport(report);
            archive.finish();
        } catch (IOException e) {
            // A ZIP written to memory: an I/O failure is a bug, not bad input.
            throw new UncheckedIOException("Could not write the letters archive", e);
        }
        summary(rows.size(), registered, report, reissue);
        return new Archive(out.toByteArray());
    }

    private static Conflict conflict(Siret siret) {
        return new Conflict(new ApiError(409, "concurrent_import", "Une autre demande a enregistré le centre "
                + siret.value() + " ou lui a émis un code au même instant : rien de ce fichier n'a été enregistré."
                + " Relancez l'import.", Map.of("siret", siret.value())));
    }

    private void summary(int rows, int registered, List<ReportLine> report, boolean reissue) {
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("rows", rows);
        representation.put("registered", registered);
        for (IssueOutcome outcome : IssueOutcome.values()) {
            representation.put(outcome.label(), report.stream().filter(line -> line.outcome() == outcome).count());
        }
        representation.put("reissue", reissue);
        adminEvent.operation(OperationType.ACTION)
                .resource(ResourceType.CUSTOM)
                .resourcePath("ceres", "centres", "import")
                .representation(representation)
                .success();
    }

    private static String alreadyIssuedReason(CentreCodeStatus status) {
        return switch (status.state()) {
            case AWAITING_ACTIVATION -> "code déjà émis, en attente d'activation jusqu'au "
                    + FRENCH_DATE.format(Instant.ofEpochMilli(status.codeExpiresAt().orElseThrow()))
                    + " ; relancez avec la réémission pour le remplacer";
            case CODE_EXPIRED -> "code déjà émis, expiré le "
                    + FRENCH_DATE.format(Instant.ofEpochMilli(status.codeExpiresAt().orElseThrow()))
                    + " ; relancez avec la réémission pour en émettre un nouveau";
            case ACTIVE -> "centre déjà activé : son gestionnaire gère les comptes";
            case NO_CODE -> "";
        };
    }
}
