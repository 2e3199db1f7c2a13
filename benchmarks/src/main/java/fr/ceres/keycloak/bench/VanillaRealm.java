package fr.ceres.keycloak.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shipped realm ({@code realm-export.json}) minus everything of the bundle, for vanilla Keycloak: the realm the
 * bundle is compared with. What is Keycloak's own stays as it is (password policy, brute force, email
 * verification, organizations, events, clients, required attributes, flows of built-in authenticators); what is
 * the bundle's goes, or becomes Keycloak's equivalent:
 * <ul>
 * <li>executions of the bundle's authenticators and form actions ({@code ceres-…}) are dropped, but the bundle's
 * user creation becomes Keycloak's own ({@code registration-user-creation}), so the registration form is
 * Keycloak's: user creation and password (the bundle's captcha goes);</li>
 * <li>the bundle's protocol mappers, required actions and components;</li>
 * <li>the bundle's user-profile validators and annotations (the attributes themselves, and which are required,
 * stay);</li>
 * <li>the bundle's themes, for Keycloak's defaults.</li>
 * </ul>
 * {@code ${CERES_*:default}} placeholders are left for Keycloak's import to resolve from the environment, the same
 * for both servers.
 */
public final class VanillaRealm {

    /** The prefix of the bundle's authenticators, form actions, protocol mappers and required actions. */
    static final String BUNDLE_PREFIX = "ceres-";
    /** The bundle's user-profile validators (their ids have no prefix: they name what they check). */
    static final Set<String> BUNDLE_VALIDATORS = Set.of("siret", "siret-fixed", "phone-fr", "free-text", "name-without-link");
    /** The bundle's user-profile annotations, read by its theme. */
    static final Set<String> BUNDLE_ANNOTATIONS = Set.of("kcSiretLookup");
    static final List<String> BUNDLE_THEMES = List.of("ceres", "ceres-dsfr");
    /** Keycloak's own user creation, in place of the bundle's (which adds the register check to it). */
    private static final Map<String, String> KEYCLOAK_EQUIVALENTS =
            Map.of("ceres-registration-user-creation", "registration-user-creation");
    private static final List<String> THEMES = List.of("loginTheme", "accountTheme", "adminTheme", "emailTheme");
    private static final String USER_PROFILE = "org.keycloak.userprofile.UserProfileProvider";
    private static final String USER_PROFILE_CONFIG = "kc.user.profile.config";

    private static final ObjectMapper JSON = new ObjectMapper();

    private VanillaRealm() {
    }

    public static ObjectNode from(Path realmExport) throws IOException {
        return from((ObjectNode) JSON.readTree(realmExport.toFile()));
    }

    /** A new realm; {@code realm} is left as it is. */
    public static ObjectNode from(ObjectNode realm) throws IOException {
        ObjectNode vanilla = realm.deepCopy();
        THEMES.stream().filter(theme -> BUNDLE_THEMES.contains(vanilla.path(theme).asText())).forEach(vanilla::remove);
        flows(vanilla);
        clients(vanilla);
        removeIf(vanilla.withArray("requiredActions"), action -> isBundle(action.path("providerId").asText()));
        components(vanilla);
        return vanilla;
    }

    public static void write(ObjectNode realm, Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), realm);
    }

    private static void flows(ObjectNode realm) {
        for (JsonNode flow : realm.withArray("authenticationFlows")) {
            ArrayNode executions = ((ObjectNode) flow).withArray("authenticationExecutions");
            for (JsonNode execution : executions) {
                String equivalent = KEYCLOAK_EQUIVALENTS.get(execution.path("authenticator").asText());
                if (equivalent != null) {
                    ((ObjectNode) execution).put("authenticator", equivalent);
                }
            }
            removeIf(executions, execution -> isBundle(execution.path("authenticator").asText()));
        }
    }

    private static void clients(ObjectNode realm) {
        for (JsonNode client : realm.withArray("clients")) {
            if (client.has("protocolMappers")) {
                removeIf(((ObjectNode) client).withArray("protocolMappers"),
                        mapper -> isBundle(mapper.path("protocolMapper").asText()));
            }
        }
    }

    /** The bundle's components go; the user profile stays, without the bundle's validators and annotations. */
    private static void components(ObjectNode realm) throws IOException {
        if (!realm.has("components")) {
            return;
        }
        ObjectNode components = (ObjectNode) realm.get("components");
        for (Iterator<Map.Entry<String, JsonNode>> types = components.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (type.getKey().startsWith("fr.ceres.")) {
                types.remove();
                continue;
            }
            removeIf((ArrayNode) type.getValue(), component -> isBundle(component.path("providerId").asText()));
        }
        for (JsonNode profile : components.path(USER_PROFILE)) {
            ArrayNode configs = (ArrayNode) profile.path("config").path(USER_PROFILE_CONFIG);
            for (int i = 0; i < configs.size(); i++) {
                configs.set(i, configs.textNode(userProfile(configs.get(i).asText())));
            }
        }
    }

    private static String userProfile(String config) throws IOException {
        JsonNode profile = JSON.readTree(config);
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.get("validations") instanceof ObjectNode validations) {
                validations.remove(BUNDLE_VALIDATORS);
            }
            if (attribute.get("annotations") instanceof ObjectNode annotations) {
                annotations.remove(BUNDLE_ANNOTATIONS);
            }
        }
        return JSON.writeValueAsString(profile);
    }

    private static boolean isBundle(String providerId) {
        return providerId.startsWith(BUNDLE_PREFIX);
    }

    private static void removeIf(ArrayNode array, Predicate<JsonNode> test) {
        for (Iterator<JsonNode> elements = array.elements(); elements.hasNext(); ) {
            if (test.test(elements.next())) {
                elements.remove();
            }
        }
    }
}
