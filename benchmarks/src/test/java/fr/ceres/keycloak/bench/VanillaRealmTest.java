package fr.ceres.keycloak.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VanillaRealmTest {

    /** Where a realm names a provider: an authenticator, a mapper, a component, a required action, a theme. */
    private static final Set<String> PROVIDER_FIELDS =
            Set.of("authenticator", "protocolMapper", "providerId", "loginTheme", "accountTheme", "adminTheme", "emailTheme");
    private static final Pattern PROVIDER_ID = Pattern.compile("PROVIDER_ID = \"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path bundle;
    private static ObjectNode shipped;
    private static ObjectNode vanilla;
    /** Every provider id the bundle declares, read from its sources, and its theme's name. */
    private static Set<String> bundleIds;

    @BeforeAll
    static void generate() throws IOException {
        bundle = Path.of(System.getProperty("ceres.bundle.dir", ".."));
        shipped = (ObjectNode) JSON.readTree(bundle.resolve("realm-export.json").toFile());
        vanilla = VanillaRealm.from(shipped);
        bundleIds = bundleProviderIds();
    }

    @Test
    @DisplayName("No provider of the bundle is left anywhere a realm names one, the user profile's validators and annotations included")
    void noBundleProviderLeft() throws IOException {
        assertEquals(List.of(), bundleProvidersIn(vanilla));
    }

    @Test
    @DisplayName("The check finds the bundle's providers in the shipped realm (so it can fail)")
    void checkFindsTheShippedRealmsProviders() throws IOException {
        List<String> found = bundleProvidersIn(shipped);
        for (String expected : List.of("authenticator=ceres-registration-user-creation", "protocolMapper=ceres-habilitations-mapper",
                "providerId=ceres-attach", "loginTheme=ceres-dsfr", "emailTheme=ceres-dsfr", "validation=siret", "validation=phone-fr", "annotation=kcSiretLookup")) {
            assertTrue(found.contains(expected), expected + " in " + found);
        }
    }

    @Test
    @DisplayName("The registration form is Keycloak's own: user creation, password (the bundle's captcha goes)")
    void registrationFormIsKeycloaks() {
        JsonNode form = flow(vanilla, "ceres registration form");
        List<String> executions = new ArrayList<>();
        form.path("authenticationExecutions").forEach(e -> executions.add(e.path("authenticator").asText() + " " + e.path("requirement").asText()));
        assertEquals(List.of("registration-user-creation REQUIRED", "registration-password-action REQUIRED"), executions);
        assertEquals(shipped.path("registrationFlow"), vanilla.path("registrationFlow"));
    }

    @Test
    @DisplayName("What is Keycloak's own is kept: policies, verification, organizations, events, clients, SMTP, required attributes")
    void keycloaksOwnSettingsKept() throws IOException {
        for (String setting : List.of("passwordPolicy", "bruteForceProtected", "failureFactor", "waitIncrementSeconds",
                "maxFailureWaitSeconds", "verifyEmail", "organizationsEnabled", "registrationAllowed",
                "registrationEmailAsUsername", "eventsEnabled", "adminEventsEnabled", "smtpServer", "attributes")) {
            assertEquals(shipped.get(setting), vanilla.get(setting), setting);
        }
        assertEquals(clientIds(shipped), clientIds(vanilla));
        assertEquals(requiredAttributes(shipped), requiredAttributes(vanilla));
        assertFalse(requiredAttributes(vanilla).isEmpty());
        assertEquals(shipped.path("clients").get(0).path("redirectUris"), vanilla.path("clients").get(0).path("redirectUris"));
    }

    /** "field=value" for each provider of the bundle the realm names. */
    private static List<String> bundleProvidersIn(JsonNode realm) throws IOException {
        List<String> found = new ArrayList<>();
        walk(realm, found);
        for (JsonNode attribute : userProfile(realm).path("attributes")) {
            attribute.path("validations").fieldNames().forEachRemaining(v -> {
                if (bundleIds.contains(v)) {
                    found.add("validation=" + v);
                }
            });
            attribute.path("annotations").fieldNames().forEachRemaining(a -> {
                if (VanillaRealm.BUNDLE_ANNOTATIONS.contains(a)) {
                    found.add("annotation=" + a);
                }
            });
        }
        return found;
    }

    private static void walk(JsonNode node, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if (PROVIDER_FIELDS.contains(field.getKey()) && bundleIds.contains(field.getValue().asText())) {
                    found.add(field.getKey() + "=" + field.getValue().asText());
                }
                walk(field.getValue(), found);
            }
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, found));
        }
    }

    private static Set<String> bundleProviderIds() throws IOException {
        Set<String> ids = new TreeSet<>(VanillaRealm.BUNDLE_THEMES);
        for (String module : List.of("spi-siret-attribute", "spi-activation-code", "spi-centre-access")) {
            try (Stream<Path> sources = Files.walk(bundle.resolve(module).resolve("src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher id = PROVIDER_ID.matcher(Files.readString(source));
                    while (id.find()) {
                        ids.add(id.group(1));
                    }
                }
            }
        }
        // The realm guard's only provider is called "default", as many of Keycloak's are: not the bundle's name.
        ids.remove("default");
        assertTrue(ids.containsAll(VanillaRealm.BUNDLE_VALIDATORS), "the bundle's validators: " + ids);
        return ids;
    }

    private static JsonNode userProfile(JsonNode realm) throws IOException {
        return JSON.readTree(realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asText());
    }

    private static Set<String> requiredAttributes(JsonNode realm) throws IOException {
        Set<String> required = new TreeSet<>();
        userProfile(realm).path("attributes").forEach(a -> {
            if (a.has("required")) {
                required.add(a.path("name").asText());
            }
        });
        return required;
    }

    private static List<String> clientIds(JsonNode realm) {
        List<String> ids = new ArrayList<>();
        realm.path("clients").forEach(c -> ids.add(c.path("clientId").asText()));
        return ids;
    }

    private static JsonNode flow(JsonNode realm, String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (alias.equals(flow.path("alias").asText())) {
                return flow;
            }
        }
        throw new AssertionError("no flow " + alias);
    }
}
