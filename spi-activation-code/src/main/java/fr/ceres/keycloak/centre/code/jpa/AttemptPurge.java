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
 * Deletes failed activation attempts once no rate-limit window can count them any more, so the
 * table stays small. One node of the cluster runs it per interval.
 */
final class AttemptPurge implements ScheduledTask {

    private static final String TASK_NAME = "ceres-activation-attempt-purge";
    private static final Duration INTERVAL = Duration.ofHours(1);
    /** Longer than any sensible attempt window (defaults: 15 minutes per person, 1 hour per SIRET). */
    private static final Duration RETENTION = Duration.ofDays(1);

    static void schedule(KeycloakSessionFactory factory) {
        long interval = INTERVAL.toMillis();
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(new ClusterAwareScheduledTaskRunner(factory, new AttemptPurge(), interval), interval, TASK_NAME));
    }

    @Override
    public void run(KeycloakSession session) {
        ActivationCodeStore.of(session).deleteAttemptsBefore(Time.currentTimeMillis() - RETENTION.toMillis());
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
