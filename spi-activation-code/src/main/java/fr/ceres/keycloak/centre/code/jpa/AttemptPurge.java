package fr.ceres.keycloak.centre.code.jpa;

import java.time.Duration;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Deletes failed activation attempts after {@link AttemptStore#RETENTION} (longer than any sensible window of the
 * per-person limit or of the per-SIRET alert), so the table stays small. One node of the cluster runs it per
 * interval.
 */
final class AttemptPurge implements ScheduledTask {

    private static final String TASK_NAME = "ceres-activation-attempt-purge";
    private static final Duration INTERVAL = Duration.ofHours(1);

    static void schedule(KeycloakSessionFactory factory) {
        long interval = INTERVAL.toMillis();
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(new ClusterAwareScheduledTaskRunner(factory, new AttemptPurge(), interval), interval, TASK_NAME));
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
