package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Registers centres and issues their activation codes through the agents' REST API
 * ({@code /admin/realms/{realm}/ceres/centres}), then reads the code back from the letter's text,
 * as the centre would from the paper.
 */
public final class CentreLetters {

    /** The code as printed: three groups of four characters of Crockford's base 32. */
    private static final Pattern CODE = Pattern.compile(
            "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String centresUrl;
    private final Supplier<String> bearerToken;

    /**
     * @param realmUrl    {@code http://host/realms/<realm>}
     * @param bearerToken an access token of an agent or a realm administrator, fetched per call
     */
    public CentreLetters(String realmUrl, Supplier<String> bearerToken) {
        this.centresUrl = realmUrl.replace("/realms/", "/admin/realms/") + "/ceres/centres";
        this.bearerToken = bearerToken;
    }

    /**
     * Registers the centre (if not yet) and issues it a new code, giving a reason (an active centre's gestionnaires
     * are emailed it); returns the code as printed.
     */
    public String registerAndIssue(String siret) throws IOException, InterruptedException {
        HttpResponse<String> registered = http.send(request(centresUrl)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"siret\":\"" + siret + "\",\"referenceAgrement\":\"R-1\",\"sitesLies\":[]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 201 && registered.statusCode() != 409) {
            throw new AssertionError("registering " + siret + ": " + registered.statusCode() + " " + registered.body());
        }
        // With a reason: the tests make a second gestionnaire by re-issuing the code of an active centre, which needs one.
        HttpResponse<byte[]> letter = http.send(request(centresUrl + "/" + siret + "/code")
                        .header("Accept", "application/pdf")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"motif\":\"Test : une lettre de plus\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (letter.statusCode() != 200) {
            throw new AssertionError("issuing a code for " + siret + ": " + letter.statusCode() + " " + new String(letter.body()));
        }
        try (PDDocument pdf = Loader.loadPDF(letter.body())) {
            String text = new PDFTextStripper().getText(pdf);
            Matcher code = CODE.matcher(text);
            if (!code.find()) {
                throw new AssertionError("no activation code in the letter for " + siret);
            }
            return code.group();
        }
    }

    /** The centre as the agents' API shows it ({@code GET …/ceres/centres/{siret}}). */
    public JsonNode centre(String siret) throws IOException, InterruptedException {
        return find(siret).orElseThrow(() -> new AssertionError("no centre " + siret));
    }

    /** The centre as the agents' API shows it, or empty when the API knows no centre of this SIRET (404). */
    public Optional<JsonNode> find(String siret) throws IOException, InterruptedException {
        HttpResponse<String> centre = http.send(request(centresUrl + "/" + siret).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (centre.statusCode() == 404) {
            return Optional.empty();
        }
        if (centre.statusCode() != 200) {
            throw new AssertionError("reading " + siret + ": " + centre.statusCode() + " " + centre.body());
        }
        return Optional.of(JSON.readTree(centre.body()));
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearerToken.get());
    }
}
