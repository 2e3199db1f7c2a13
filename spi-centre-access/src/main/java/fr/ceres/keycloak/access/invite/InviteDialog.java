package fr.ceres.keycloak.access.invite;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.access.gestionnaire.AccessEvents;
import fr.ceres.keycloak.access.gestionnaire.AccessGate;
import fr.ceres.keycloak.access.gestionnaire.Gestionnaire;
import fr.ceres.keycloak.access.invitation.InvitationMails;
import fr.ceres.keycloak.access.invitation.InvitationOptions;
import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.access.store.InvitationStore;
import fr.ceres.keycloak.access.store.MailQuota;
import fr.ceres.keycloak.access.store.MailQuotas;
import fr.ceres.keycloak.access.web.CsrfToken;
import fr.ceres.keycloak.access.web.PersonName;
import fr.ceres.keycloak.access.web.PortalSignIn;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import fr.ceres.keycloak.siret.ProfileAttributes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The dialog « Inviter un utilisateur » (flow F3), step by step on the server so that it works
 * with the keyboard alone and without script: the form, its « Récapitulatif de l'invitation », then
 * « Continuer » stores the invitation and emails its link. The button pressed is the field {@value #STEP}.
 */
public final class InviteDialog {

    /** {@code acces/{centre}/inviter}: the dialog, under the centre's access page. */
    public static final String PATH = "inviter";
    /** {@code acces/{centre}/personnes?q=}: its suggestions, as JSON. */
    public static final String PEOPLE = "personnes";
    static final String TEMPLATE = "ceres-invite.ftl";
    static final String STEP = "etape";
    /** Shows the accounts matching « Utilisateur » (without script; with it, they come as one types). */
    static final String SEARCH = "rechercher";
    /** « Ajouter son adresse email »: the person has no account. */
    static final String TO_EMAIL = "email";
    /** Back to choosing an account. */
    static final String TO_ACCOUNT = "compte";
    /** « Continuer » on the form: the summary. */
    static final String SUMMARY = "recapitulatif";
    /** « Modifier » on the summary: the form again, filled. */
    static final String EDIT = "modifier";
    /** « Continuer » on the summary: store and send. */
    static final String SEND = "envoyer";

    /** Whole-invitation problems, as words the template turns into messages. */
    static final String ALREADY_HELD = "deja-habilite";
    static final String ALREADY_INVITED = "deja-invite";
    static final String NOT_SENT = "envoi-impossible";
    /** The centre sent as many invitation emails as its daily quota allows. */
    static final String QUOTA_REACHED = "quota-atteint";
    /** The notice of the access page once sent: « Email d'invitation transmis ». */
    public static final String SENT = "invitation-envoyee";

    private static final Logger LOG = Logger.getLogger(InviteDialog.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Gestionnaire gestionnaire;
    private final AccessGate gate;
    private final InvitationOptions options;

    public InviteDialog(KeycloakSession session, Gestionnaire gestionnaire, AccessGate gate, InvitationOptions options) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.gestionnaire = gestionnaire;
        this.gate = gate;
        this.options = options;
    }

    /** The empty dialog. */
    public Response open() {
        return form(InviteForm.blank(gestionnaire.centre().siret()), Map.of(), null, List.of(), false);
    }

    /** One press of one of the dialog's buttons. */
    public Response submit(MultivaluedMap<String, String> posted) {
        InviteForm values = InviteForm.read(posted);
        String step = posted.getFirst(STEP);
        if (SEARCH.equals(step)) {
            return search(values, Map.of());
        }
        if (TO_EMAIL.equals(step) || TO_ACCOUNT.equals(step)) {
            return form(values.withMode(step), Map.of(), null, List.of(), false);
        }
        if (SUMMARY.equals(step)) {
            return summary(values);
        }
        if (SEND.equals(step)) {
            return send(values);
        }
        // EDIT, or a button this page does not have: the form again, as filled.
        return form(values, Map.of(), null, List.of(), false);
    }

    private Response summary(InviteForm values) {
        Map<String, String> problems = values.problems(gestionnaire.centre());
        if (!problems.isEmpty()) {
            // Someone who typed a name and pressed « Continuer » without script has not chosen yet: show the list.
            if (values.byAccount() && values.getPerson().isEmpty() && PeopleSearch.searchable(values.getTypedName())) {
                return search(values, problems);
            }
            return form(values, problems, null, List.of(), false);
        }
        String email = values.invitedEmailIfValid().orElseThrow();
        CeresRole role = values.role().orElseThrow();
        Optional<String> problem = obstacle(email, values.getSiret(), role);
        if (problem.isPresent()) {
            return form(values, Map.of(), problem.get(), List.of(), false);
        }
        return render(InvitePage.summary(gestionnaire.centre(), values, gestionnaire.displayName(),
                colleagueName(email).orElse(null), csrf(), urls()));
    }

    /**
     * Stores the invitation and emails it; the habilitation and the pending invitations are checked again,
     * as they may have changed since the summary. An email that cannot be sent undoes the invitation.
     */
    private Response send(InviteForm values) {
        Map<String, String> problems = values.problems(gestionnaire.centre());
        if (!problems.isEmpty()) {
            return form(values, problems, null, List.of(), false);
        }
        String email = values.invitedEmailIfValid().orElseThrow();
        CeresRole role = values.role().orElseThrow();
        Optional<String> problem = obstacle(email, values.getSiret(), role);
        if (problem.isPresent()) {
            return form(values, Map.of(), problem.get(), List.of(), false);
        }
        long now = Time.currentTimeMillis();
        Optional<Invitation> invitation;
        try {
            invitation = InvitationStore.of(session).invite(gestionnaire.centre().siret(), values.getSiret(), role,
                    email, gestionnaire.actor(), now, options.expiryOf(now));
        } catch (ModelDuplicateException e) {
            // Another gestionnaire invited the same person to the same habilitation at the same instant: the
            // live key let only theirs in. Hibernate has marked this transaction for rollback; telling Keycloak's
            // transaction manager too ends the request cleanly, with the same message as a visible duplicate.
            session.getTransactionManager().setRollbackOnly();
            invitation = Optional.empty();
        }
        if (invitation.isEmpty()) {
            return form(values, Map.of(), ALREADY_INVITED, List.of(), false);
        }
        if (!MailQuotas.of(session).take(MailQuota.CENTRE_INVITATIONS, gestionnaire.centre().organization().getId(), now)) {
            // Counted once the invitation is stored, so that only an email about to go counts: the stored one goes
            // with the transaction.
            session.getTransactionManager().setRollbackOnly();
            return form(values, Map.of(), QUOTA_REACHED, List.of(), false);
        }
        try {
            new InvitationMails(session).sendInvitation(invitation.get(), gestionnaire.centre().organization());
        } catch (EmailException e) {
            // No invitation nobody received: the stored one goes with the transaction. The message only,
            // never the email's content (it holds the link).
            LOG.warnf("Invitation email to the centre %s's invitee could not be sent: %s",
                    gestionnaire.centre().siret(), e.getMessage());
            session.getTransactionManager().setRollbackOnly();
            return form(values, Map.of(), NOT_SENT, List.of(), false);
        }
        new AccessEvents(session, gestionnaire).invited(invitation.get());
        return gate.backToPage(SENT);
    }

    /** Why this invitation cannot be made: the person already holds it, or is already invited to it. */
    private Optional<String> obstacle(String email, String siret, CeresRole role) {
        UserModel account = session.users().getUserByEmail(realm, email);
        if (account != null && new Habilitations(session).holds(gestionnaire.centre().organization(), siret, role, account)) {
            return Optional.of(ALREADY_HELD);
        }
        boolean invited = InvitationStore.of(session)
                .pending(gestionnaire.centre().siret(), Time.currentTimeMillis())
                .stream()
                .anyMatch(i -> i.email().equals(email) && i.siret().equals(siret) && i.role() == role);
        return invited ? Optional.of(ALREADY_INVITED) : Optional.empty();
    }

    /**
     * The name of the invited address's account, if it is an account of the centre's company: the summary
     * names the person the gestionnaire chose, and says nothing of accounts of other companies.
     */
    private Optional<String> colleagueName(String email) {
        UserModel account = session.users().getUserByEmail(realm, email);
        if (account == null) {
            return Optional.empty();
        }
        String siret = account.getFirstAttribute(ProfileAttributes.SIRET);
        return siret != null && siret.startsWith(gestionnaire.centre().centre().siren())
                ? Optional.of(PersonName.of(account)) : Optional.empty();
    }

    private Response search(InviteForm values, Map<String, String> problems) {
        List<PeopleSearch.Person> found = PeopleSearch.of(session)
                .sameCompany(realm.getId(), gestionnaire.centre().centre().siren(), values.getTypedName());
        return form(values.withMode(InviteForm.BY_ACCOUNT), problems, null, found, true);
    }

    private Response form(InviteForm values, Map<String, String> problems, String problem,
            List<PeopleSearch.Person> suggestions, boolean searched) {
        return render(InvitePage.form(gestionnaire.centre(), values, problems, problem, suggestions, searched,
                gestionnaire.displayName(), csrf(), urls()));
    }

    private Response render(InvitePage page) {
        return session.getProvider(LoginFormsProvider.class)
                .setUser(gestionnaire.user())
                .setAttribute("ceresInvite", page)
                .setResponseHeader(HttpHeaders.CACHE_CONTROL, PortalSignIn.NO_STORE)
                .createForm(TEMPLATE);
    }

    private String csrf() {
        return CsrfToken.of(gestionnaire.userSession());
    }

    private InvitePage.Urls urls() {
        return new InvitePage.Urls(gate.under(PATH).toString(), gate.pageUrl().toString(),
                gate.under(PEOPLE).toString());
    }
}
