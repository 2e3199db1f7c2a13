package fr.ceres.keycloak.siret.register.file;

import static fr.ceres.keycloak.siret.register.JsonFields.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.Establishment;
import org.keycloak.util.JsonSerialization;

/**
 * Reads {@code [{"siret", "raisonSociale", "adresse", "commune", "etat": "A"|"F"}]} into an immutable map. A
 * file made from a register's export may hold its masks ({@code [ND]}): they are absent fields, as from the
 * registers themselves; a raisonSociale left out is an error in the file.
 */
final class EstablishmentFile {

    private static final String ACTIVE = "A";
    private static final String CLOSED = "F";

    private EstablishmentFile() {
    }

    /**
     * @throws IOException              when the source is not JSON
     * @throws IllegalArgumentException when an entry is wrong: invalid or repeated SIRET, no name, unknown state
     */
    static Map<Siret, Establishment> read(InputStream in, String source) throws IOException {
        JsonNode root = JsonSerialization.mapper.readTree(in);
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(source + ": expected a JSON array of establishments");
        }
        Map<Siret, Establishment> bySiret = new HashMap<>();
        for (int index = 0; index < root.size(); index++) {
            JsonNode entry = root.get(index);
            String where = source + " entry " + index;
            Siret siret = siret(entry, where);
            if (bySiret.putIfAbsent(siret, establishment(entry, siret, where)) != null) {
                throw new IllegalArgumentException(source + ": SIRET " + siret + " is listed twice");
            }
        }
        return Map.copyOf(bySiret);
    }

    private static Siret siret(JsonNode entry, String where) {
        String raw = text(entry, "siret");
        return Siret.parse(raw).orElseThrow(() -> new IllegalArgumentException(where + ": invalid SIRET " + raw));
    }

    private static Establishment establishment(JsonNode entry, Siret siret, String where) {
        String raisonSociale = text(entry, "raisonSociale");
        if (raisonSociale == null) {
            throw new IllegalArgumentException(where + ": raisonSociale is missing");
        }
        String etat = text(entry, "etat");
        if (!ACTIVE.equals(etat) && !CLOSED.equals(etat)) {
            throw new IllegalArgumentException(where + ": etat must be \"A\" or \"F\", got " + etat);
        }
        return new Establishment(siret.value(), raisonSociale, text(entry, "adresse"), text(entry, "commune"),
                ACTIVE.equals(etat));
    }
}
