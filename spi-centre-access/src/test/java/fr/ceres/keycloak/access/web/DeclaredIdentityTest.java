package fr.ceres.keycloak.access.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeclaredIdentityTest {

    @Test
    @DisplayName("Given an address at a public webmail, then it is a personal address, whatever its case")
    void webmail() {
        for (String email : new String[] {"jean@gmail.com", "jean@Hotmail.FR", "jean@laposte.net", "jean@wanadoo.fr"}) {
            assertTrue(new DeclaredIdentity("41823967900016", "verifie", email).isPersonalEmail(), email);
        }
    }

    @Test
    @DisplayName("Given a company's address, then its domain is shown and it is not a personal address")
    void companyDomain() {
        DeclaredIdentity declared = new DeclaredIdentity("41823967900016", "verifie", "alice@academie.fr");
        assertEquals("academie.fr", declared.getEmailDomain());
        assertFalse(declared.isPersonalEmail());
        assertTrue(declared.isSiretVerified());
    }

    @Test
    @DisplayName("Given a SIRET the register did not check, or no status at all, then it is not verified")
    void unverified() {
        assertFalse(new DeclaredIdentity("41823967900016", "non-verifie", "a@b.fr").isSiretVerified());
        assertFalse(new DeclaredIdentity("41823967900016", null, "a@b.fr").isSiretVerified());
        assertEquals("", new DeclaredIdentity(null, null, null).getEmailDomain());
    }
}
