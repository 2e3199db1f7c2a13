package fr.ceres.keycloak.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Optional;

import fr.ceres.keycloak.siret.Siret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.OrganizationModel;

class CentreTablesTest {

    /** An Organization that answers its alias only: all the removal event leaves readable. */
    private static OrganizationModel withAlias(String alias) {
        return (OrganizationModel) Proxy.newProxyInstance(OrganizationModel.class.getClassLoader(),
                new Class<?>[] {OrganizationModel.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAlias")) {
                        return alias;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    @DisplayName("Given a removed Organization whose alias is exactly a SIRET, then its centre's rows are looked for under it")
    void aliasIsTheSiret() {
        assertEquals(Siret.parse("73282932000074"), CentreTables.siretOf(withAlias("73282932000074")));
    }

    @Test
    @DisplayName("Given an alias that is no SIRET, or a SIRET written otherwise (spaces), then no centre's rows are touched")
    void anyOtherAlias() {
        assertEquals(Optional.empty(), CentreTables.siretOf(withAlias("formateurs-lyon")));
        assertEquals(Optional.empty(), CentreTables.siretOf(withAlias("73282932000075")));
        assertEquals(Optional.empty(), CentreTables.siretOf(withAlias("732 829 320 00074")));
    }
}
