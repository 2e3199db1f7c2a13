package fr.ceres.keycloak.centre.admin;

import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.centre.code.CentreCodeStatus;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The admin event of a registration: {@code ORGANIZATION} / {@code CREATE} on {@code organizations/<id>}, the path
 * Keycloak's own Organization endpoints use, so the admin console's admin events show it beside theirs; the
 * representation is the centre's JSON.
 */
final class CentreEvents {

    private final AdminEventBuilder adminEvent;

    CentreEvents(AdminEventBuilder adminEvent) {
        this.adminEvent = adminEvent;
    }

    void registered(Centre centre, CentreCodeStatus status) {
        adminEvent.operation(OperationType.CREATE)
                .resource(ResourceType.ORGANIZATION)
                .resourcePath("organizations", centre.organizationId())
                .representation(CentreJson.of(centre, status, 0))
                .success();
    }
}
