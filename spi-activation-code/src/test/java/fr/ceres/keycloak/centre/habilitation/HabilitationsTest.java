package fr.ceres.keycloak.centre.habilitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

class HabilitationsTest {

    private static final List<String> CENTRES = List.of("73282932000074", "41823967900016", "52047381000015");

    /** The centres whose groups were read, in order. */
    private final List<String> groupsRead = new ArrayList<>();

    @Test
    @DisplayName("Given a person gestionnaire of three centres, then holdsAny reads the groups of the first centre only, and of lists all three")
    void holdsAnyStopsAtTheFirstCentre() {
        Habilitations habilitations = new Habilitations(session(CENTRES));
        UserModel person = fake(UserModel.class, Map.of());

        assertTrue(habilitations.holdsAny(person));
        assertEquals(List.of(CENTRES.get(0)), groupsRead);

        assertEquals(3, habilitations.of(person).size());
    }

    @Test
    @DisplayName("Given a person in no centre, then holdsAny is false")
    void nobodyHoldsNothing() {
        assertFalse(new Habilitations(session(List.of())).holdsAny(fake(UserModel.class, Map.of())));
    }

    /** A session whose Organizations are the active centres {@code sirets}, the person gestionnaire in each. */
    private KeycloakSession session(List<String> sirets) {
        OrganizationProvider organizations = fake(OrganizationProvider.class, Map.of(
                "getByMember", args -> sirets.stream().map(HabilitationsTest::centre),
                "getOrganizationGroupsByMember", args -> {
                    String siret = ((OrganizationModel) args[0]).getAlias();
                    groupsRead.add(siret);
                    return Stream.of(fake(GroupModel.class, Map.of("getFirstAttribute",
                            a -> a[0].equals(Habilitations.SIRET_ATTRIBUTE) ? siret : CeresRole.GESTIONNAIRE.id())));
                }));
        return fake(KeycloakSession.class, Map.of("getProvider", args -> organizations));
    }

    private static OrganizationModel centre(String siret) {
        return fake(OrganizationModel.class, Map.of("getAlias", args -> siret, "isEnabled", args -> true));
    }

    /** An object of {@code type} answering the methods of {@code answers} only. */
    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer.apply(args);
        }));
    }
}
