package fr.ceres.keycloak.siret.register;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import fr.ceres.keycloak.siret.register.file.StaticFileProviderFactory;
import fr.ceres.keycloak.siret.register.recherche.RechercheEntreprisesProviderFactory;
import fr.ceres.keycloak.siret.register.sirene.InseeSireneProviderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CompanyRegisterProvidersTest {

    private final List<CompanyRegisterProviderFactory> factories = ServiceLoader.load(CompanyRegisterProviderFactory.class)
            .stream().map(ServiceLoader.Provider::get).collect(Collectors.toList());

    @Test
    @DisplayName("Given the jar's service file, then the three registers are found by Keycloak")
    void registered() {
        assertEquals(List.of(RechercheEntreprisesProviderFactory.PROVIDER_ID, InseeSireneProviderFactory.PROVIDER_ID,
                StaticFileProviderFactory.PROVIDER_ID), factories.stream().map(CompanyRegisterProviderFactory::getId).toList());
    }

    @Test
    @DisplayName("Given no provider configured, then Recherche d'entreprises is the default (highest order)")
    void defaultProvider() {
        CompanyRegisterProviderFactory highest = factories.stream()
                .max(Comparator.comparingInt(CompanyRegisterProviderFactory::order)).orElseThrow();
        assertEquals(RechercheEntreprisesProviderFactory.PROVIDER_ID, highest.getId());
    }
}
