package fr.ceres.keycloak.centre.code.jpa;

import java.time.Duration;

import fr.ceres.keycloak.common.OncePerInterval;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.timer.ScheduledTask;

/**
 * Deletes failed activation attempts after {@link AttemptStore#RETENTION} (longer than any sensible window of the
 * per-person limit or of the per-SIRET alert), so the table stays small. One node of the cluster runs it per
 * interval ({@link OncePerInterval}).
 */
final class AttemptPurge implements ScheduledTask {

    private static final String TASK_NAME = "ceres-activation-attempt-purge";
    private static final Duration INTERVAL = Duration.ofHours(1);

    static void schedule(KeycloakSessionFactory factory) {
        OncePerInterval.schedule(factory, new AttemptPurge(), INTERVAL.toMillis());
    }

    @Override
    public void run(KeycloakSession session) {
        AttemptStore.of(session).deleteBefore(Time.currentTimeMillis() - AttemptStore.RETENTION.toMillis());
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
