package fr.ceres.keycloak.centre.habilitation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A role is one constant of {@link CeresRole}, one client role of {@code ceres} in the shipped realm, and its
 * labels in the themes; these tests fail as soon as one of the three is missing.
 */
class CeresRoleTest {

    /** The repository's root: Maven runs the tests in the module's folder. */
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Path THEME = ROOT.resolve("themes/src/main/resources/theme/ceres");

    /** What the bundle declares in each place a role must be: by place, the role ids it lacks. */
    static Map<String, Set<String>> missing(List<String> roles, Set<String> realmRoles, Map<String, Properties> messages) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (String role : roles) {
            if (!realmRoles.contains(role)) {
                missing.computeIfAbsent("realm-export.json", place -> new TreeSet<>()).add(role);
            }
            messages.forEach((file, properties) -> {
                boolean helpNeeded = file.startsWith("login/");
                if (!properties.containsKey(CeresRole.LABEL_PREFIX + role)
                        || helpNeeded && !properties.containsKey("ceresRoleHelp." + role)) {
                    missing.computeIfAbsent(file, place -> new TreeSet<>()).add(role);
                }
            });
        }
        return missing;
    }

    private static Set<String> realmClientRoles() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("realm-export.json").toFile());
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("client").path(Habilitations.CERES_CLIENT_ID)
                .forEach(role -> roles.add(role.path("name").asText()));
        return roles;
    }

    private static Map<String, Properties> themeMessages() throws IOException {
        Map<String, Properties> messages = new LinkedHashMap<>();
        for (String type : List.of("login", "email")) {
            for (String language : List.of("fr", "en")) {
                String file = type + "/messages/messages_" + language + ".properties";
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(THEME.resolve(file), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                messages.put(file, properties);
            }
        }
        return messages;
    }

    @Test
    @DisplayName("Given the shipped realm and themes, then every role has its client role of ceres and its labels, and the realm has no other")
    void shippedRealmAndThemesMatchTheRoles() throws IOException {
        Set<String> realmRoles = realmClientRoles();
        assertEquals(Map.of(), missing(CeresRole.offered(), realmRoles, themeMessages()));
        assertEquals(new TreeSet<>(CeresRole.offered()), realmRoles);
    }

    @Test
    @DisplayName("Given the roles, then pages offer the least powerful first")
    void offerOrder() {
        assertEquals(List.of("centre-agree", "gestionnaire"), CeresRole.offered());
        assertEquals("ceresRole.gestionnaire", CeresRole.GESTIONNAIRE.labelKey());
    }

    /** What adding « Formateur » takes, shown on a role list that has it. */
    @Nested
    class AThirdRole {

        private final List<String> roles = new ArrayList<>(List.of("centre-agree", "formateur", "gestionnaire"));

        @Test
        @DisplayName("Given a third constant alone, then the realm and every theme's messages are said to lack it")
        void constantAlone() throws IOException {
            Map<String, Set<String>> missing = missing(roles, realmClientRoles(), themeMessages());
            assertEquals(Set.of("realm-export.json", "login/messages/messages_fr.properties",
                    "login/messages/messages_en.properties", "email/messages/messages_fr.properties",
                    "email/messages/messages_en.properties"), missing.keySet());
            missing.values().forEach(ids -> assertEquals(Set.of("formateur"), ids));
        }

        @Test
        @DisplayName("Given the constant, its client role and its labels, then nothing is missing")
        void constantRoleAndLabels() throws IOException {
            Set<String> realmRoles = new TreeSet<>(realmClientRoles());
            realmRoles.add("formateur");
            Map<String, Properties> messages = themeMessages();
            messages.forEach((file, properties) -> {
                properties.setProperty("ceresRole.formateur", "Formateur");
                properties.setProperty("ceresRoleHelp.formateur", "Formateurs du centre");
            });
            assertEquals(Map.of(), missing(roles, realmRoles, messages));
        }
    }
}
