package fr.ceres.keycloak.access.request;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.ceres.keycloak.access.store.AccessMetrics;
import fr.ceres.keycloak.access.store.AccessRequest;
import fr.ceres.keycloak.access.store.AccessRequestStore;
import fr.ceres.keycloak.access.store.MailQuota;
import fr.ceres.keycloak.access.store.MailQuotas;
import fr.ceres.keycloak.access.web.CompanyName;
import fr.ceres.keycloak.centre.Centres;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitation;
import fr.ceres.keycloak.centre.habilitation.HabilitationHolder;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import fr.ceres.keycloak.common.PortalUrls;
import fr.ceres.keycloak.siret.ProfileAttributes;
import fr.ceres.keycloak.siret.Siret;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Access requests, from the side of the person asking (flow F7): someone whose account's
 * SIRET has the SIREN of a centre asks, from the portal page, to be given access to it; the centre's
 * gestionnaires are told by email and decide on the centre's access page.
 */
public final class AccessRequests {

    static final String ACTION = "request";
    /** A company with more centres than this is not one the portal page can list anyway. */
    private static final int MAX_CENTRES = 20;
    private static final Logger LOG = Logger.getLogger(AccessRequests.class);

    /** What asking came to. */
    public enum Outcome { SENT, ALREADY_PENDING, NOT_ALLOWED, NOT_SENT, QUOTA_REACHED }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationProvider organizations;

    public AccessRequests(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    /**
     * The centres this person, who holds {@code habilitations}, may ask to join: active centres of the
     * SIREN of their account's SIRET in which they hold nothing yet, each saying whether a request of
     * theirs is already pending. The caller passes the habilitations it has read anyway (the portal page).
     */
    public List<RequestableCentre> of(UserModel user, List<Habilitation> habilitations) {
        Optional<String> siren = siren(user);
        if (siren.isEmpty() || user.getEmail() == null || !new Centres(session, realm).enabled()) {
            return List.of();
        }
        Set<String> held = habilitations.stream().map(Habilitation::centre).collect(Collectors.toSet());
        Set<String> pending = AccessRequestStore.of(session).pendingOf(user.getId()).stream()
                .map(AccessRequest::centre).collect(Collectors.toSet());
        return organizations.getAllStream(Map.of(Centres.SIREN, siren.get()), 0, MAX_CENTRES)
                .filter(Habilitations::isActive)
                .filter(centre -> !held.contains(centre.getAlias()))
                .map(centre -> new RequestableCentre(centre.getAlias(), CompanyName.of(centre), pending.contains(centre.getAlias())))
                .sorted(Comparator.comparing(RequestableCentre::getSiret))
                .toList();
    }

    /**
     * Asks to join the centre: stores the request and emails its gestionnaires, in one transaction
     * (an email that cannot be sent rolls the request back, so none waits unknown to them).
     */
    public Outcome ask(UserModel user, UserSessionModel userSession, String centreSiret) {
        Optional<RequestableCentre> centre = of(user, new Habilitations(session).of(user)).stream()
                .filter(c -> c.getSiret().equals(centreSiret))
                .findFirst();
        if (centre.isEmpty()) {
            return Outcome.NOT_ALLOWED;
        }
        if (centre.get().isPending()) {
            return Outcome.ALREADY_PENDING;
        }
        OrganizationModel organization = organizations.getByAlias(centreSiret);
        List<UserModel> gestionnaires = gestionnaires(organization);
        if (gestionnaires.isEmpty()) {
            // Nobody could decide: a centre is only managed once someone redeemed its activation code.
            return Outcome.NOT_ALLOWED;
        }
        long now = Time.currentTimeMillis();
        Optional<AccessRequest> request;
        try {
            request = AccessRequestStore.of(session).ask(centreSiret, user.getId(), user.getEmail(), now);
        } catch (ModelDuplicateException e) {
            // The same person's other request, sent at the same instant, took the live key first. Hibernate has
            // marked this transaction for rollback; telling Keycloak's transaction manager too ends it cleanly.
            session.getTransactionManager().setRollbackOnly();
            return Outcome.ALREADY_PENDING;
        }
        if (request.isEmpty()) {
            return Outcome.ALREADY_PENDING;
        }
        if (!MailQuotas.of(session).take(MailQuota.PERSON_REQUESTS, user.getId(), now)) {
            // Counted once the request is stored, so that only emails about to go count: the stored one goes with
            // the transaction.
            session.getTransactionManager().setRollbackOnly();
            return Outcome.QUOTA_REACHED;
        }
        try {
            new AccessRequestMails(session).sendRequest(organization, user, gestionnaires);
        } catch (EmailException e) {
            LOG.warnf("Access request to the centre %s could not be emailed to its gestionnaires: %s", centreSiret, e.getMessage());
            session.getTransactionManager().setRollbackOnly();
            return Outcome.NOT_SENT;
        }
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.INVITE_ORG)
                .client(realm.getClientByClientId(PortalUrls.ID))
                .user(user)
                .session(userSession)
                .detail("ceres_action", ACTION)
                .detail("ceres_centre", centreSiret)
                .detail("ceres_invitation", request.get().id())
                .success();
        AccessMetrics.requestAsked(session);
        return Outcome.SENT;
    }

    private List<UserModel> gestionnaires(OrganizationModel centre) {
        return new Habilitations(session).holders(centre).stream()
                .filter(holder -> holder.habilitations().stream().anyMatch(h -> h.role() == CeresRole.GESTIONNAIRE))
                .map(HabilitationHolder::user)
                // An account without an address cannot be told; the others still are.
                .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
                .toList();
    }

    private static Optional<String> siren(UserModel user) {
        return Siret.parse(user.getFirstAttribute(ProfileAttributes.SIRET)).map(Siret::siren);
    }

    /** A centre the person may ask to join (getters: the portal page's FreeMarker reads bean properties). */
    public static final class RequestableCentre {

        private final String siret;
        private final String name;
        private final boolean pending;

        RequestableCentre(String siret, String name, boolean pending) {
            this.siret = siret;
            this.name = name;
            this.pending = pending;
        }

        /** The centre's SIRET, what the form posts. */
        public String getSiret() {
            return siret;
        }

        /** The centre's raison sociale. */
        public String getName() {
            return name;
        }

        /** Whether this person's request to it is waiting for a gestionnaire. */
        public boolean isPending() {
            return pending;
        }
    }
}
