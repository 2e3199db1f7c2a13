package fr.ceres.keycloak.centre.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.centre.code.jpa.AttemptStore;
import org.keycloak.common.util.Time;

/**
 * The mark an agent sees on a centre whose SIRET had an unusual rate of failed codes (the attach page's alert) in
 * the attempts still kept ({@link AttemptStore#RETENTION}): when the alert was last raised and how many failures
 * the SIRET had in that period. Nobody is locked out by it; it tells the agent someone may be guessing.
 *
 * @param lastAlertAt epoch ms of the latest alert
 * @param failures    failed attempts on the SIRET within the retention period
 */
record AttemptAlert(long lastAlertAt, long failures) {

    static Optional<AttemptAlert> of(AttemptStore attempts, String realmId, Centre centre) {
        long since = Time.currentTimeMillis() - AttemptStore.RETENTION.toMillis();
        return attempts.lastSiretAlertSince(realmId, centre.siret(), since)
                .map(last -> new AttemptAlert(last, attempts.failuresOnSiretSince(realmId, centre.siret(), since)));
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("derniereAlerte", Instant.ofEpochMilli(lastAlertAt).toString());
        json.put("echecs", failures);
        json.put("periodeHeures", AttemptStore.RETENTION.toHours());
        return json;
    }
}
