package fr.ceres.keycloak.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PortalHttp;

/**
 * What the bundle's own scenarios consume, one item per virtual user, made before the measures as the end-to-end
 * tests make it: new centres with their letters' codes (support.CentreLetters) for the attach page, and
 * invitations of one centre's gestionnaire, each to an account of its own, their links read from the emails.
 */
final class BundleOnlyData {

    /** The invitations' centre: the first new centre of the register; the attached ones follow. */
    private static final int INVITING_CENTRE = 0;

    private final Target bundle;
    private final AdminApi admin;
    private final CentreLetters letters;
    private final Mailbox mailbox;

    BundleOnlyData(Target bundle, Supplier<String> adminToken, Mailbox mailbox) {
        this.bundle = bundle;
        this.admin = new AdminApi(bundle.serverUrl(), Target.REALM, adminToken);
        this.letters = new CentreLetters(bundle.realmUrl(), adminToken);
        this.mailbox = mailbox;
    }

    /** New centres the register must know: the inviting one and one per attachment. */
    static int centresNeeded(int attachments) {
        return attachments + 1;
    }

    /**
     * {@code count} attachments to make: each an account without habilitation ({@code email}), a centre registered
     * through the agents' API ({@code siret}) and the code of its letter ({@code code}).
     */
    List<Map<String, Object>> attachments(String run, int count) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String siret = BenchmarkServers.newCentre(INVITING_CENTRE + 1 + c);
            String email = "rattache-" + run + "-" + c + "@centres.example";
            admin.create("/users", BenchmarkPeople.account(email));
            items.add(Map.of("email", email, "siret", siret, "code", letters.registerAndIssue(siret)));
        }
        return items;
    }

    /**
     * {@code count} invitations (role centre-agree) of the inviting centre's gestionnaire, sent through the access
     * page's form, each to an account of its own ({@code email}); {@code link} is the one its email carries.
     */
    List<Map<String, Object>> invitations(String run, int count) throws Exception {
        String siret = BenchmarkServers.newCentre(INVITING_CENTRE);
        PortalHttp gestionnaire = gestionnaire("gestionnaire-" + run + "@centres.example", siret);
        String accessPage = bundle.realmUrl() + "/ceres-portal/acces/" + siret;
        List<String> invitees = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "invite-" + run + "-" + i + "@centres.example";
            admin.create("/users", BenchmarkPeople.account(email));
            HttpResponse<String> invited = gestionnaire.post(accessPage + "/inviter",
                    InviteByEmail.form(PortalHttp.csrfOf(gestionnaire.get(accessPage).body()), email, "centre-agree", siret));
            if (invited.statusCode() != 303) {
                throw new IllegalStateException("inviting " + email + ": " + invited.statusCode() + " " + invited.body());
            }
            invitees.add(email);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (String email : invitees) {
            items.add(Map.of("email", email, "link", mailbox.awaitMessage(email, 1).invitationLink()));
        }
        return items;
    }

    /** An account made gestionnaire of a new centre by redeeming its letter's code, signed in on the portal. */
    private PortalHttp gestionnaire(String email, String siret) throws Exception {
        admin.create("/users", BenchmarkPeople.account(email));
        String code = letters.registerAndIssue(siret);
        HttpAttachSession session = new HttpAttachSession(PortalHttp.anonymous(bundle.realmUrl()), bundle.realmUrl(),
                BenchmarkServers.REDIRECT_URI).signIn(email, BenchmarkPeople.PASSWORD);
        HttpResponse<String> answer = session.attach(siret, code);
        if (!session.givesCode(answer)) {
            throw new IllegalStateException(email + " did not attach " + siret + ": " + session.pageAfter(answer));
        }
        return new PortalHttp(bundle.realmUrl()).signIn(email, BenchmarkPeople.PASSWORD);
    }
}
