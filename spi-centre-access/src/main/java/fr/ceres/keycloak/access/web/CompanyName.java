package fr.ceres.keycloak.access.web;

import java.util.List;
import java.util.Objects;

import fr.ceres.keycloak.centre.Centres;
import org.keycloak.models.OrganizationModel;

/** The company a centre belongs to, as the invitation names it: its raison sociale, else the Organization's name. */
public final class CompanyName {

    private CompanyName() {
    }

    public static String of(OrganizationModel centre) {
        List<String> values = centre.getAttributes().getOrDefault(Centres.RAISON_SOCIALE, List.of());
        return values.stream().filter(Objects::nonNull).filter(v -> !v.isBlank()).findFirst().orElse(centre.getName());
    }
}
