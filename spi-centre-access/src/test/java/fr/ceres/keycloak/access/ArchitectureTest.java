package fr.ceres.keycloak.access;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bundle's layout, as {@code docs/ARCHITECTURE.md} draws it, checked on the compiled classes of the three
 * modules (this module's tests see the other two): the modules depend one way, no package reaches back up, and
 * what a module keeps to itself stays there.
 */
class ArchitectureTest {

    /** spi-siret-attribute: the account and the company. */
    private static final String[] ACCOUNT = {"fr.ceres.keycloak.common..", "fr.ceres.keycloak.siret..",
            "fr.ceres.keycloak.profile..", "fr.ceres.keycloak.signup.."};
    /** spi-activation-code: centres, habilitations, activation codes. */
    private static final String CENTRES = "fr.ceres.keycloak.centre..";
    /** spi-centre-access: the portal and a centre's access. */
    private static final String ACCESS = "fr.ceres.keycloak.access..";
    /** Its kit of sign-in, addresses, anti-forgery token, mails and names. */
    private static final String WEB = "fr.ceres.keycloak.access.web..";

    /**
     * The bundle's own classes: not the tests (in {@code test-classes}, or in a module's {@code -tests.jar} once
     * packaged), nor the libraries shaded into its jars under {@code shaded}.
     */
    private static final JavaClasses BUNDLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .withImportOption(location -> !location.contains("/fr/ceres/keycloak/shaded/"))
            .importPackages("fr.ceres.keycloak");

    @Test
    @DisplayName("Given the bundle's classes, then no package imports one that imports it back, directly or through others")
    void noPackageCycle() {
        slices().matching("fr.ceres.keycloak.(**)").should().beFreeOfCycles().check(BUNDLE);
    }

    @Test
    @DisplayName("Given the three modules, then the account knows neither centres nor access, and centres do not know access")
    void modulesDependOneWay() {
        noClasses().that().resideInAnyPackage(ACCOUNT).should().dependOnClassesThat()
                .resideInAnyPackage(CENTRES, ACCESS).check(BUNDLE);
        noClasses().that().resideInAPackage(CENTRES).should().dependOnClassesThat()
                .resideInAPackage(ACCESS).check(BUNDLE);
    }

    @Test
    @DisplayName("Given a module's stored records, then only that module reads or writes them")
    void persistenceStaysInItsModule() {
        noClasses().that().resideOutsideOfPackage(CENTRES).should().dependOnClassesThat()
                .resideInAPackage("fr.ceres.keycloak.centre.code.jpa..").check(BUNDLE);
        noClasses().that().resideOutsideOfPackage(ACCESS).should().dependOnClassesThat()
                .resideInAPackage("fr.ceres.keycloak.access.store..").check(BUNDLE);
    }

    @Test
    @DisplayName("Given the portal's pages, then the web kit sits below every feature and the portal's router above them all")
    void kitBelowRouterAbove() {
        noClasses().that().resideInAPackage(WEB).should().dependOnClassesThat(
                resideInAPackage(ACCESS).and(resideOutsideOfPackage(WEB))).check(BUNDLE);
        noClasses().that().resideOutsideOfPackage("fr.ceres.keycloak.access.portal..").should().dependOnClassesThat()
                .resideInAPackage("fr.ceres.keycloak.access.portal..").check(BUNDLE);
    }
}
