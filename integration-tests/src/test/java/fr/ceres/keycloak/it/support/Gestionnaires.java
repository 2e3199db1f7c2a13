package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Makes gestionnaires the way the procedure does (flow F2): the agent registers the centre (with its
 * linked sites) and issues its code through the agents' API, the code is read from the letter, and the
 * person types it on the attach page when signing in to Ceres (plain HTTP, {@link HttpAttachSession}).
 */
public final class Gestionnaires {

    private final String realmUrl;
    private final Supplier<String> agentToken;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param realmUrl   {@code http://host/realms/<realm>}
     * @param agentToken an access token of an agent or realm administrator, fetched per call
     */
    public Gestionnaires(String realmUrl, Supplier<String> agentToken) {
        this.realmUrl = realmUrl;
        this.agentToken = agentToken;
    }

    /** Registers the centre with its linked sites; nothing if it already is. Returns whether it was registered now. */
    public boolean register(String siret, List<String> sitesLies) throws IOException, InterruptedException {
        String sites = sitesLies.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(
                                realmUrl.replace("/realms/", "/admin/realms/") + "/ceres/centres"))
                        .header("Authorization", "Bearer " + agentToken.get())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"siret\":\"" + siret
                                + "\",\"referenceAgrement\":\"R-4\",\"sitesLies\":" + sites + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 201 && registered.statusCode() != 409) {
            throw new AssertionError("registering " + siret + ": " + registered.statusCode() + " " + registered.body());
        }
        return registered.statusCode() == 201;
    }

    /** A new code for the centre, then the account (which must exist) redeems it: it is now a gestionnaire. */
    public void attach(String email, String centre) throws IOException, InterruptedException {
        String code = new CentreLetters(realmUrl, agentToken).registerAndIssue(centre);
        HttpAttachSession person = new HttpAttachSession(realmUrl).signIn(email, Applicant.PASSWORD);
        HttpResponse<String> answer = person.attach(centre, code);
        if (!HttpAttachSession.isCodeForTheApplication(answer)) {
            throw new AssertionError(email + " did not attach " + centre + ": " + person.pageAfter(answer));
        }
    }
}
