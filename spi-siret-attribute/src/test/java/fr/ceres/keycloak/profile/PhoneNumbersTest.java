package fr.ceres.keycloak.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678", " 06 12 34 56 78 ",
            "06\u00A012\u00A034\u00A056\u00A078", "06\u202F12\u202F34\u202F56\u202F78",
            "+33 6 12 34 56 78", "+33612345678", "+33 (0)6 12 34 56 78", "+33(0)612345678", "+33 06 12 34 56 78",
            "0033 6 12 34 56 78", "0033612345678", "0033 (0)6 12 34 56 78"
    })
    @DisplayName("Given a metropolitan mobile typed the usual ways, then it becomes +33612345678")
    void usualFormsOfOneMobile(String raw) {
        assertEquals(Optional.of("+33612345678"), PhoneNumbers.normalize(raw));
    }

    @ParameterizedTest
    @CsvSource({
            "01 23 45 67 89, +33123456789",
            "02 98 12 34 56, +33298123456",
            "03 20 12 34 56, +33320123456",
            "04 91 12 34 56, +33491123456",
            "05 61 12 34 56, +33561123456",
            "07 12 34 56 78, +33712345678",
            "08 00 12 34 56, +33800123456",
            "09 51 12 34 56, +33951123456"
    })
    @DisplayName("Given a metropolitan number from 01 to 09, then it gets +33 and loses the 0")
    void metropolitanRanges(String raw, String e164) {
        assertEquals(Optional.of(e164), PhoneNumbers.normalize(raw));
    }

    @ParameterizedTest
    @CsvSource({
            "0262 12 34 56, +262262123456",      // La Réunion, national form
            "0692 12 34 56, +262692123456",
            "+262 692 12 34 56, +262692123456",
            "00262 262 12 34 56, +262262123456",
            "0269 61 12 34, +262269611234",      // Mayotte
            "0639 12 34 56, +262639123456",
            "0590 12 34 56, +590590123456",      // Guadeloupe
            "+590 690 12 34 56, +590690123456",
            "0594 12 34 56, +594594123456",      // Guyane
            "+594 (0)694 12 34 56, +594694123456",
            "0596 12 34 56, +596596123456",      // Martinique
            "+596 696 12 34 56, +596696123456",
            "+33 6 92 12 34 56, +262692123456"   // right digits, wrong code: the digits win
    })
    @DisplayName("Given an overseas department number, then it gets its own country code")
    void overseasDepartments(String raw, String e164) {
        assertEquals(Optional.of(e164), PhoneNumbers.normalize(raw));
    }

    @ParameterizedTest
    @CsvSource({
            "+508 41 12 34, +508411234",      // Saint-Pierre-et-Miquelon
            "+681 72 12 34, +681721234",      // Wallis-et-Futuna
            "+687 28 12 34, +687281234",      // Nouvelle-Calédonie
            "00687 28.12.34, +687281234",
            "+689 87 12 34 56, +68987123456"  // Polynésie française
    })
    @DisplayName("Given a collectivity with its own plan, then its international form is kept")
    void collectivitiesWithTheirOwnPlan(String raw, String e164) {
        assertEquals(Optional.of(e164), PhoneNumbers.normalize(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "+33612345678", "+33123456789", "+262692123456", "+590590123456", "+687281234", "+68987123456"
    })
    @DisplayName("Given a number already normalized, then normalizing it again changes nothing")
    void normalFormIsStable(String e164) {
        assertEquals(Optional.of(e164), PhoneNumbers.normalize(e164));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            "06 12 34 56 7",          // 9 digits
            "06 12 34 56 789",        // 11 digits
            "6 12 34 56 78",          // leading 0 missing
            "00 12 34 56 78",         // 00 is the international prefix, not a number
            "+33 0 12 34 56 78 90",   // 10 digits after the trunk 0
            "+33 1234",
            "+33 (0)",
            "(0)6 12 34 56 78",
            "06 12 34 56 7A",
            "O6 12 34 56 78",         // letter O
            "06 12 34 56 78 poste 12",
            "tel: 0612345678",
            "06/12/34/56/78",
            "+44 20 7946 0958",       // United Kingdom
            "0044 20 7946 0958",
            "+1 202 555 0143",
            "+269 63 12 34",          // the Comoros (Mayotte's code before 2007)
            "+262 6 12 34 56 78",     // metropolitan digits under La Réunion's code
            "+590 692 12 34 56",      // La Réunion digits under Guadeloupe's code
            "+687 28 12 345",         // Nouvelle-Calédonie has 6 digits
            "+689 87 12 34",          // Polynésie has 8
            "++33612345678",
            "3949",
            "15",
            "０６１２３４５６７８"        // full-width digits
    })
    @DisplayName("Given something that is not a French phone number, then nothing is returned")
    void refused(String raw) {
        assertTrue(PhoneNumbers.normalize(raw).isEmpty(), () -> raw + " -> " + PhoneNumbers.normalize(raw));
    }
}
