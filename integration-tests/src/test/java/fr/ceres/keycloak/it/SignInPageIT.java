package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.CeresSignIn;
import fr.ceres.keycloak.it.support.PortalHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The shipped realm's sign-in: email and password on one page, one form sent, for every application of the realm,
 * while organizations stay on (centres, their members and groups, the {@code organization} claim:
 * {@link HabilitationsClaimIT}). Keycloak's built-in browser flow asks for the email on a page of its own as soon as
 * the realm holds an organization: each test runs with a centre registered, as every real deployment has.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class SignInPageIT {

    /** A PKCE challenge: the account console asks for one; the code is not exchanged here. */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @BeforeEach
    void aCentreIsRegistered() {
        if (realm.admin().organizations().list(0, 1).isEmpty()) {
            OrganizationRepresentation centre = new OrganizationRepresentation();
            centre.setName("CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS");
            centre.setAlias("73282932000074");
            centre.setEnabled(true);
            realm.admin().organizations().create(centre).close();
        }
    }

    @Test
    @DisplayName("Given Ceres asking a person to sign in, then one page asks for the email and the password, and once sent the person is at the next step (attaching Ceres)")
    void ceres() throws Exception {
        HttpResponse<String> next = signInOnOnePage("une.page.ceres@cfa-exemple.fr", realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=ceres"
                + "&response_type=code&scope=openid&redirect_uri=" + encode(CeresSignIn.REDIRECT_URI)
                + "&code_challenge_method=S256&code_challenge=" + CHALLENGE, CeresSignIn.REDIRECT_URI);
        assertTrue(next.body().contains("ceres-attach-form"), next.body());
    }

    @Test
    @DisplayName("Given the portal asking a person to sign in, then one page asks for the email and the password, and once sent the portal shows « Mes démarches »")
    void portal() throws Exception {
        HttpResponse<String> next = signInOnOnePage("une.page.portail@cfa-exemple.fr", realm.getBaseUrl() + "/ceres-portal/", "");
        assertEquals(200, next.statusCode());
        assertTrue(next.body().contains("id=\"ceres-portal\""), next.body());
    }

    @Test
    @DisplayName("Given the account console asking a person to sign in, then one page asks for the email and the password, and once sent the console gets its code")
    void accountConsole() throws Exception {
        String console = realm.getBaseUrl() + "/account/";
        HttpResponse<String> next = signInOnOnePage("une.page.compte@cfa-exemple.fr", realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=account-console"
                + "&response_type=code&scope=openid&redirect_uri=" + encode(console)
                + "&code_challenge_method=S256&code_challenge=" + CHALLENGE, console);
        String location = next.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(console) && location.contains("code="), next.statusCode() + " " + location + " " + next.body());
    }

    /**
     * Makes the account of {@code email}, opens {@code url}, checks that the sign-in page asks for both the email and
     * the password, sends them once, and returns the answer after Keycloak's redirects, stopping before one to the
     * {@code application}'s address (none for the portal, served by Keycloak itself).
     */
    private HttpResponse<String> signInOnOnePage(String email, String url, String application) throws Exception {
        ActivatedAccounts.create(realm, email);
        PortalHttp browser = PortalHttp.anonymous(realm.getBaseUrl());
        String page = browser.follow(browser.get(url)).body();
        String action = PortalHttp.formAction(page, "kc-form-login").orElseThrow(() -> new AssertionError(page));
        assertTrue(page.contains("id=\"username\"") && page.contains("id=\"password\""), "email and password on one page: " + page);
        HttpResponse<String> next = browser.follow(browser.post(action, Map.of("username", email, "password", Applicant.PASSWORD)),
                to -> !application.isEmpty() && to.startsWith(application));
        assertFalse(next.body().contains("id=\"kc-form-login\""), "still on a sign-in page: " + next.body());
        return next;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
