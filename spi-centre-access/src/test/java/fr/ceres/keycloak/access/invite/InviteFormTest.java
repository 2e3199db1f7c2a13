package fr.ceres.keycloak.access.invite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.access.gestionnaire.ManagedCentre;
import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.siret.Siret;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InviteFormTest {

    private static final String CENTRE = "41823967900016";
    private static final String SITE = "41823967900024";
    private static final ManagedCentre ACADEMIE = new ManagedCentre(null, new Centre("org-1", siret(CENTRE),
            "ACADEMIE DES FORMATIONS ET DES COMPETENCES", "", "", "R-1", List.of(siret(SITE))));

    @Test
    @DisplayName("Given an account chosen in the list, a role and a SIRET of the centre, then nothing is wrong and the address is lower-case")
    void chosenAccount() {
        InviteForm form = read("mode", "compte", "utilisateur", "Émilie", "personne", " Emilie.Durand@Academie.FR ",
                "role", "centre-agree", "siret", "418 239 679 00024");
        assertEquals(Map.of(), form.problems(ACADEMIE));
        assertEquals(Optional.of("emilie.durand@academie.fr"), form.invitedEmailIfValid());
        assertEquals(Optional.of(CeresRole.CENTRE_AGREE), form.role());
        assertEquals(SITE, form.getSiret());
    }

    @Test
    @DisplayName("Given a name typed but no account chosen, then « personne » is missing, whatever the email field says")
    void nameWithoutChoice() {
        InviteForm form = read("mode", "compte", "utilisateur", "Durand", "email", "x@y.fr", "role", "gestionnaire", "siret", CENTRE);
        assertEquals(Map.of(InviteForm.PERSON, InviteForm.MISSING_PERSON), form.problems(ACADEMIE));
    }

    @Test
    @DisplayName("Given the address mode, then a bad address, an unknown role and another company's SIRET are each named")
    void badInput() {
        InviteForm form = read("mode", "email", "email", "pas-une-adresse", "role", "admin", "siret", "73282932000074");
        assertEquals(Map.of(InviteForm.EMAIL, InviteForm.INVALID_EMAIL, InviteForm.ROLE, InviteForm.INVALID_ROLE,
                InviteForm.SIRET, InviteForm.INVALID_SIRET), form.problems(ACADEMIE));
        assertTrue(form.invitedEmailIfValid().isEmpty());
    }

    @Test
    @DisplayName("Given an address or a typed name with control or bidirectional characters, then the address is invalid and the name searches nothing")
    void hiddenCharacters() {
        for (String address : List.of("b\u202eob@academie.fr", "bob\u0085@academie.fr", "b\u200bob@academie.fr", "bob\u009f@academie.fr")) {
            InviteForm form = read("mode", "email", "email", address, "role", "gestionnaire", "siret", CENTRE);
            assertEquals(Map.of(InviteForm.EMAIL, InviteForm.INVALID_EMAIL), form.problems(ACADEMIE), address);
            assertTrue(form.invitedEmailIfValid().isEmpty(), address);
        }
        assertFalse(PeopleSearch.searchable(read("utilisateur", "Dur\u0000and").getTypedName()), "searches nothing");
        assertFalse(PeopleSearch.searchable("Dur\u202eand"), "searches nothing");
        assertTrue(PeopleSearch.searchable("Dur"));
        assertEquals("Émilie", read("utilisateur", "E\u0301milie ").getTypedName(), "NFC");
    }

    @Test
    @DisplayName("Given an unknown mode, then the dialog is in account mode; the radio list's choice wins over the empty hidden field")
    void defaults() {
        MultivaluedMap<String, String> posted = new MultivaluedHashMap<>();
        posted.add("mode", "autre");
        posted.add("personne", "");
        posted.add("personne", "emilie.durand@academie.fr");
        InviteForm form = InviteForm.read(posted);
        assertEquals(InviteForm.BY_ACCOUNT, form.getMode());
        assertEquals("emilie.durand@academie.fr", form.getPerson());
        assertEquals(InviteForm.BY_EMAIL, form.withMode("email").getMode());
        assertEquals(CENTRE, InviteForm.blank(CENTRE).getSiret());
    }

    private static InviteForm read(String... pairs) {
        MultivaluedMap<String, String> posted = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            posted.add(pairs[i], pairs[i + 1]);
        }
        return InviteForm.read(posted);
    }

    private static Siret siret(String value) {
        return Siret.parse(value).orElseThrow();
    }
}
