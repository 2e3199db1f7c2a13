package fr.ceres.keycloak.access.invite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PeopleSearchTest {

    @Test
    @DisplayName("Given typed words with accents, capitals or decomposed letters, then they are searched folded, once each")
    void foldedWords() {
        assertEquals(List.of("emilie", "leroy"), PeopleSearch.words("  Émilie\u00A0LEROŸ "));
        assertEquals(List.of("emilie"), PeopleSearch.words("E\u0301milie émilie"), "decomposed « é » folds as composed");
        assertEquals(List.of("francois", "coeur"), PeopleSearch.words("françois Cœur"));
    }

    @Test
    @DisplayName("Given two words, then the SIREN range comes before any folding and each word is looked for in the email, then in the name unfolded and folded")
    void queryShape() {
        String jpql = PeopleSearch.jpql(2, true);
        int range = jpql.indexOf("s.name = :siretAttribute and s.value >= :sirenFrom and s.value < :sirenTo");
        assertTrue(range > 0, jpql);
        assertTrue(range < jpql.indexOf("replace("), "the company's rows are found before anything is folded");
        String name = "concat(coalesce(u.firstName, ''), ' ', coalesce(u.lastName, ''))";
        for (int i = 0; i < 2; i++) {
            assertTrue(jpql.contains(" and (lower(u.email) like :w" + i + " escape '\\' or (lower(" + name + ") like :p" + i
                    + " escape '\\' and " + AccentFolding.jpql(name) + " like :w" + i + " escape '\\'))"), jpql);
        }
        assertEquals(6, jpql.split("like :[wp]", -1).length - 1, "per word, the email, the unfolded name, the folded name");
        assertTrue(jpql.endsWith(" order by u.lastName, u.firstName, u.email"));
    }

    @Test
    @DisplayName("Given the last SIREN, then the range has no upper bound")
    void lastSiren() {
        assertFalse(PeopleSearch.jpql(1, false).contains(":sirenTo"));
    }
}
