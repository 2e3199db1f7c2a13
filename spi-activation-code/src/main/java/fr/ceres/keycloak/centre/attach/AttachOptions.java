package fr.ceres.keycloak.centre.attach;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.ceres.keycloak.centre.code.AttemptLimit;
import org.keycloak.Config;

/**
 * The server-wide options of {@code ceres-attach}, from {@code --spi-required-action--ceres-attach--<name>}.
 *
 * @param perUser    failed attempts allowed per person
 * @param siretAlert failures on one SIRET, by anyone, that agents are told of (nobody is locked out by them)
 * @param clientId the client whose sign-in, without any habilitation, leads to the attach page
 * @param zone     the time zone of the « réessayez après HH:mm » message
 */
record AttachOptions(AttemptLimit perUser, SiretAlert siretAlert, String clientId, ZoneId zone) {

    static final String MAX_FAILURES_PER_USER = "max-failures-per-user";
    static final String USER_WINDOW_MINUTES = "user-window-minutes";
    static final String SIRET_ALERT_FAILURES = "siret-alert-failures";
    static final String SIRET_WINDOW_MINUTES = "siret-window-minutes";
    static final String CLIENT_ID = "client-id";
    static final String TIME_ZONE = "time-zone";

    static final int DEFAULT_MAX_FAILURES_PER_USER = 5;
    static final int DEFAULT_USER_WINDOW_MINUTES = 15;
    static final int DEFAULT_SIRET_ALERT_FAILURES = 10;
    static final int DEFAULT_SIRET_WINDOW_MINUTES = 60;
    static final String DEFAULT_CLIENT_ID = "ceres";
    static final String DEFAULT_TIME_ZONE = "Europe/Paris";

    /** Reads the options; a bad value stops the server start rather than run without limits. */
    static AttachOptions from(Config.Scope config) {
        return new AttachOptions(
                new AttemptLimit(config.getInt(MAX_FAILURES_PER_USER, DEFAULT_MAX_FAILURES_PER_USER),
                        Duration.ofMinutes(config.getInt(USER_WINDOW_MINUTES, DEFAULT_USER_WINDOW_MINUTES))),
                new SiretAlert(config.getInt(SIRET_ALERT_FAILURES, DEFAULT_SIRET_ALERT_FAILURES),
                        Duration.ofMinutes(config.getInt(SIRET_WINDOW_MINUTES, DEFAULT_SIRET_WINDOW_MINUTES))),
                config.get(CLIENT_ID, DEFAULT_CLIENT_ID),
                ZoneId.of(config.get(TIME_ZONE, DEFAULT_TIME_ZONE)));
    }

    /** For the admin console's server info. */
    Map<String, String> asInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put(MAX_FAILURES_PER_USER, Integer.toString(perUser.max()));
        info.put(USER_WINDOW_MINUTES, Long.toString(perUser.window().toMinutes()));
        info.put(SIRET_ALERT_FAILURES, Integer.toString(siretAlert.failures()));
        info.put(SIRET_WINDOW_MINUTES, Long.toString(siretAlert.window().toMinutes()));
        info.put(CLIENT_ID, clientId);
        info.put(TIME_ZONE, zone.getId());
        return info;
    }
}
