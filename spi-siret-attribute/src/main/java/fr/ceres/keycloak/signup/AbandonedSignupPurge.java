package fr.ceres.keycloak.signup;

import java.util.List;

import fr.ceres.keycloak.common.BundleMetrics;
import fr.ceres.keycloak.common.OncePerInterval;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Removes the accounts created on the sign-up page and never activated within their link's
 * lifespan, so the person can sign up again with the same email; only unclaimed ones ({@link
 * UnclaimedSignup}): a due account that holds something is a real account, and loses its marker instead.
 *
 * <p>Every node schedules it; one node of the cluster runs it per interval ({@link OncePerInterval}).
 */
final class AbandonedSignupPurge implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(AbandonedSignupPurge.class);
    private static final String TASK_NAME = "ceres-abandoned-signup-purge";
    /** Bounds one run's transaction; what is left waits for the next run. */
    private static final int BATCH_SIZE = 500;

    static final BundleMetrics.Count RUNS = new BundleMetrics.Count("ceres.signups.purge.runs",
            "Runs of the purge of accounts never activated, on this node (one node of the cluster per interval)");
    static final BundleMetrics.Count PURGED = new BundleMetrics.Count("ceres.signups.purged",
            "Accounts never activated within their link's lifespan, removed by the purge");

    static void schedule(KeycloakSessionFactory factory, long intervalMillis) {
        OncePerInterval.schedule(factory, new AbandonedSignupPurge(), intervalMillis);
    }

    @Override
    public void run(KeycloakSession session) {
        BundleMetrics.keycloak().count(RUNS);
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
            if (UnclaimedSignup.removeIfUnclaimed(session, realm, user)) {
                BundleMetrics.keycloak().countOnCommit(session, PURGED);
                removed++;
            }
        }
        if (removed > 0) {
            LOG.infof("Removed %d account(s) never activated from realm %s", removed, realm.getName());
        }
    }
}
