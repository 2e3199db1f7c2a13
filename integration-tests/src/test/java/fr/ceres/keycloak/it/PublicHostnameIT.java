package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * A server whose public address is set ({@code --hostname=http://localhost:8080}), reached at the node's own
 * address ({@code 127.0.0.1}, no forwarded Host), as behind a proxy that passes neither: every address the
 * bundle sends back or emails is on the public one.
 */
@KeycloakIntegrationTest(config = PublicHostnameIT.PublicHostname.class)
class PublicHostnameIT {

    private static final String PUBLIC = "http://localhost:8080";
    private static final String NODE = "http://127.0.0.1:8080";
    private static final String ACADEMIE = "41823967900016";
    private static final String GRENOBLE = "41823967900024";
    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/ceres-portal/invitation\\?key=\\S+");

    /** The bundle's server with its public address set. */
    public static final class PublicHostname implements KeycloakServerConfig {
        @Override
        public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
            return new CeresServerConfig().configure(config).option("hostname", PUBLIC);
        }
    }

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectAdminClient
    Keycloak admin;

    @Test
    @DisplayName("Given the portal asked at the node's address, then the sign-in goes to the public address and back to it, and completes")
    void signInOnThePublicAddress() throws Exception {
        PortalAccounts.create(realm, "hugo@academie.fr", "Hugo", "Petit", ACADEMIE);
        PortalHttp browser = new PortalHttp(onNode(realm.getBaseUrl()));

        HttpResponse<String> portal = browser.get(onNode(portal()));
        assertEquals(303, portal.statusCode(), portal.body());
        String signIn = location(portal);
        assertTrue(signIn.startsWith(realm.getBaseUrl() + "/protocol/openid-connect/auth?"), signIn);
        assertEquals(portal(), parameter(signIn, "redirect_uri"));

        HttpResponse<String> page = browser.signInFrom(onNode(portal()), "hugo@academie.fr", Applicant.PASSWORD, url -> false);
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(URI.create(portal()), page.uri(), "signed in, on the portal page at the public address");
    }

    @Test
    @DisplayName("Given a gestionnaire who invites through the node's address, then the emailed link is on the public address")
    void invitationLinkOnThePublicAddress() throws Exception {
        Gestionnaires gestionnaires = new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        gestionnaires.register(ACADEMIE, List.of());
        PortalAccounts.create(realm, "alice@academie.fr", "Alice", "Martin", ACADEMIE);
        gestionnaires.attach("alice@academie.fr", ACADEMIE);
        // Signed in at the public address: the session cookies then go along to the node's, as behind the proxy.
        PortalHttp alice = new PortalHttp(realm.getBaseUrl()).signIn("alice@academie.fr", Applicant.PASSWORD);
        String page = onNode(realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE);

        HttpResponse<String> invited = alice.post(page + "/inviter",
                InviteByEmail.form(PortalHttp.csrfOf(alice.get(page).body()), "ines@exemple.fr", "centre-agree", ACADEMIE));
        assertEquals(303, invited.statusCode(), invited.body());
        assertTrue(location(invited).startsWith(PUBLIC + "/"), location(invited));
        Mailbox.Mail mail = new Mailbox(mailServer).awaitMessage("ines@exemple.fr", 1);
        Matcher link = INVITATION_LINK.matcher(mail.text());
        assertTrue(link.find(), "no invitation link in:\n" + mail.text());
        assertTrue(link.group().startsWith(realm.getBaseUrl() + "/ceres-portal/invitation?key="), link.group());
    }

    @Test
    @DisplayName("Given the agents' API and page asked at the node's address, then the addresses they answer with are on the public address")
    void agentAddressesOnThePublicAddress() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(onNode(adminRealm() + "/ceres/centres")))
                        .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"siret\":\"" + GRENOBLE + "\",\"referenceAgrement\":\"R-4\",\"sitesLies\":[]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(adminRealm() + "/ceres/centres/" + GRENOBLE, location(created));

        HttpResponse<String> agentPage = http.send(HttpRequest.newBuilder(URI.create(onNode(realm.getBaseUrl() + "/ceres-agent"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(301, agentPage.statusCode(), agentPage.body());
        assertEquals(realm.getBaseUrl() + "/ceres-agent/", location(agentPage));
    }

    private String portal() {
        return realm.getBaseUrl() + "/ceres-portal/";
    }

    private String adminRealm() {
        return realm.getBaseUrl().replace("/realms/", "/admin/realms/");
    }

    /** The same address at the node's own. */
    private static String onNode(String url) {
        assertTrue(url.startsWith(PUBLIC + "/"), url);
        return NODE + url.substring(PUBLIC.length());
    }

    private static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }

    private static String parameter(String url, String name) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair[0].equals(name))
                .map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
                .findFirst().orElse("");
    }
}
