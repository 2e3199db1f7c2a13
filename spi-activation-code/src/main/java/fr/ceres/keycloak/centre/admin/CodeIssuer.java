package fr.ceres.keycloak.centre.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.centre.Centres;
import fr.ceres.keycloak.centre.code.ActivationCode;
import fr.ceres.keycloak.centre.code.CentreCodeStatus;
import fr.ceres.keycloak.centre.code.jpa.ActivationCodeStore;
import fr.ceres.keycloak.centre.letter.LetterContent;
import fr.ceres.keycloak.common.PortalUrls;
import fr.ceres.keycloak.common.ShortTransaction;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Issues a centre's activation code and writes it into the letter, the only place the code ever goes:
 * not into JSON, an admin event or a log. Re-issuing voids the ISSUED code (the store does it in the same
 * transaction). Every issue is an admin event: resource type {@code CUSTOM}, path
 * {@code ceres/centres/<siret>/code}, operation {@code CREATE} for a first code and {@code UPDATE} when it replaces
 * one; its representation says when the code expires, never what it is.
 *
 * <p>A centre with gestionnaires is another matter: whoever redeems its new code becomes one more gestionnaire, so
 * an agent could make themselves one. Its re-issue needs a reason ({@link ReissueReason}); the admin event names
 * the agent and carries the reason, and the gestionnaires are emailed ({@link ReissueMails}), in the same
 * transaction: if they cannot be told, nothing is issued.
 */
final class CodeIssuer {

    /** What became of an issue: the letter, or a conflict with a concurrent issue. */
    sealed interface Result {
    }

    /** The code was issued; {@code letter} is the PDF that carries it. */
    record Issued(byte[] letter) implements Result {
    }

    /** Another request issued a code for the centre at the same instant; this request's transaction rolls back. */
    record Conflict(ApiError error) implements Result {
    }

    /** Nothing was issued: an active centre's re-issue without a reason, or its gestionnaires could not be told. */
    record Refused(ApiError error) implements Result {
    }

    /** The ministry's letters are dated in metropolitan France. */
    private static final ZoneId LETTER_ZONE = ZoneId.of("Europe/Paris");

    private final AgentRequest request;
    private final RealmModel realm;
    private final ActivationCodeStore store;
    private final Centres centres;

    CodeIssuer(AgentRequest request, Centres centres) {
        this.request = request;
        this.realm = request.realm();
        this.store = ActivationCodeStore.of(request.session());
        this.centres = centres;
    }

    /** Where the centre stands now. */
    CentreCodeStatus status(Centre centre) {
        return store.status(realm.getId(), centre.siret(), Time.currentTimeMillis());
    }

    /**
     * A new code for the centre, voiding its pending one, and the letter carrying it; or, when another request issued
     * a code for the same centre at the same instant, a {@link Conflict}: the database's one-live-code key refused
     * this one, and the request's transaction is marked to roll back, so nothing of it is kept and nothing more may
     * be written in it. A centre with gestionnaires needs a {@code reason}; without one this is a {@link Refused}.
     */
    Result issue(Centre centre, Optional<ReissueReason> reason) {
        List<UserModel> gestionnaires = centres.gestionnaires(centre);
        if (!gestionnaires.isEmpty() && reason.isEmpty()) {
            return new Refused(new ApiError(400, "reason_required", "Ce centre est actif (" + gestionnaires.size()
                    + " gestionnaire(s)). Indiquez le motif de la réémission (champ « motif », "
                    + ReissueReason.MAX_LENGTH + " caractères au plus) : il leur sera envoyé par email.",
                    Map.of("siret", centre.siret().value())));
        }
        long now = Time.currentTimeMillis();
        CentreCodeStatus before = store.status(realm.getId(), centre.siret(), now);
        boolean replacesPending = before.codeExpiresAt().isPresent();
        long expiresAt = Instant.ofEpochMilli(now).plus(request.options().codeLifetimeDays(), ChronoUnit.DAYS)
                .toEpochMilli();
        ActivationCode code;
        try {
            code = store.issue(realm.getId(), centre.siret(), request.access().user().getId(), now, expiresAt);
        } catch (ModelException e) {
            // The store flushes its insert, so the LIVE_KEY violation surfaces here, converted by Keycloak's entity
            // manager (EntityManagerProxy) from Hibernate's ConstraintViolationException (a ModelDuplicateException);
            // on MariaDB the two issues may instead deadlock on the centre's rows, and the database rolls one back.
            // Either way the other issue went on. Hibernate has already marked the JTA transaction for rollback;
            // saying it to Keycloak's transaction manager too makes the end of the request roll back cleanly instead
            // of trying to commit a dead transaction.
            if (!(e instanceof ModelDuplicateException) && !ShortTransaction.lostToAnotherWriter(e)) {
                throw e;
            }
            request.session().getTransactionManager().setRollbackOnly();
            return new Conflict(new ApiError(409, "concurrent_issue", "Un autre code vient d'être émis pour ce centre"
                    + " au même instant : celui-ci n'a pas été enregistré. Consultez l'état du centre avant d'en"
                    + " émettre un nouveau.", Map.of("siret", centre.siret().value())));
        }

        CeresAdminOptions options = request.options();
        byte[] pdf = request.letter().generate(new LetterContent(centre.raisonSociale(), centre.adresse(),
                centre.commune(), centre.siret().value(), code.grouped(), portalUrl(), options.helpLine(),
                options.letterPlace(), LocalDate.ofInstant(Instant.ofEpochMilli(now), LETTER_ZONE)));

        if (!gestionnaires.isEmpty()) {
            try {
                new ReissueMails(request.session()).send(centre, reason.orElseThrow(), now, gestionnaires);
            } catch (EmailException e) {
                // The code must not change behind the gestionnaires' backs: undo the issue.
                request.session().getTransactionManager().setRollbackOnly();
                return new Refused(new ApiError(503, "mail_failed", "Le code n'a pas été réémis : ses gestionnaires"
                        + " n'ont pas pu être prévenus par email. Réessayez plus tard.",
                        Map.of("siret", centre.siret().value())));
            }
        }

        UserModel agent = request.access().user();
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("siret", centre.siret().value());
        representation.put("expiresAt", Instant.ofEpochMilli(expiresAt).toString());
        representation.put("replacesPendingCode", replacesPending);
        representation.put("previousState", CentreJson.etat(before.state()));
        representation.put("agent", agent.getUsername());
        representation.put("gestionnairesInformes", gestionnaires.size());
        reason.ifPresent(text -> representation.put("motif", text.text()));
        request.adminEvent().operation(replacesPending ? OperationType.UPDATE : OperationType.CREATE)
                .resource(ResourceType.CUSTOM)
                .resourcePath("ceres", "centres", centre.siret().value(), "code")
                .representation(representation)
                .success();
        return new Issued(pdf);
    }

    /** The portal printed in letters: the option, else this realm's portal page as the agent reached Keycloak. */
    private String portalUrl() {
        return request.options().portalUrl().orElseGet(() ->
                PortalUrls.portal(request.session().getContext().getUri().getBaseUri(), realm.getName()).toString());
    }
}
