package fr.ceres.keycloak.signup;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Removes the accounts created on the sign-up page and never activated within their link's
 * lifespan, so the person can sign up again with the same email; only unclaimed ones ({@link
 * UnclaimedSignup}): a due account that holds something is a real account, and loses its marker instead.
 *
 * <p>Every node schedules it; {@link ClusterAwareScheduledTaskRunner} lets one node only run it
 * per interval.
 */
final class AbandonedSignupPurge implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(AbandonedSignupPurge.class);
    private static final String TASK_NAME = "ceres-abandoned-signup-purge";
    /** Bounds one run's transaction; what is left waits for the next run. */
    private static final int BATCH_SIZE = 500;

    static void schedule(KeycloakSessionFactory factory, long intervalMillis) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(new ClusterAwareScheduledTaskRunner(factory, new AbandonedSignupPurge(), intervalMillis),
                        intervalMillis, TASK_NAME));
    }

    @Override
    public void run(KeycloakSession session) {
        session.realms().getRealmsStream().toList().forEach(realm -> purge(session, realm));
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    private static void purge(KeycloakSession session, RealmModel realm) {
        session.getContext().setRealm(realm);
        List<UserModel> due = PendingSignup.abandoned(session, realm, BATCH_SIZE).toList();
        int removed = 0;
        for (UserModel user : due) {
            removed += UnclaimedSignup.removeIfUnclaimed(session, realm, user) ? 1 : 0;
        }
        if (removed > 0) {
            LOG.infof("Removed %d account(s) never activated from realm %s", removed, realm.getName());
        }
    }
}
