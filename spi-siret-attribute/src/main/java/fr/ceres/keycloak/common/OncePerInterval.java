package fr.ceres.keycloak.common;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * A scheduled task that runs once per interval in the whole cluster, whichever node's timer fires first.
 *
 * <p>Every node schedules it. {@link ClusterAwareScheduledTaskRunner} alone only keeps two runs from overlapping:
 * it frees its lock as soon as a run ends, so each node's timer, firing at its own moments, would run the task
 * again within the same interval. Here time is cut into slots of one interval, counted from the epoch, and a node
 * runs the task only after claiming the current slot in Keycloak's single-use store, which every node shares: the
 * first claim wins, the others skip until the next slot. Clocks a little apart move a slot's run from one node to
 * another, never add one.
 */
public final class OncePerInterval implements ScheduledTask {

    private final ScheduledTask task;
    private final long intervalMillis;

    private OncePerInterval(ScheduledTask task, long intervalMillis) {
        this.task = task;
        this.intervalMillis = intervalMillis;
    }

    /** Schedules {@code task} on this node, every {@code intervalMillis}; it runs once per interval in the cluster. */
    public static void schedule(KeycloakSessionFactory factory, ScheduledTask task, long intervalMillis) {
        OncePerInterval once = new OncePerInterval(task, intervalMillis);
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(new ClusterAwareScheduledTaskRunner(factory, once, intervalMillis), intervalMillis, task.getTaskName()));
    }

    @Override
    public void run(KeycloakSession session) {
        long slot = Time.currentTimeMillis() / intervalMillis;
        // Kept for two intervals: past its slot, a claim is never asked for again.
        long keptSeconds = Math.max(1, 2 * intervalMillis / 1000);
        if (session.singleUseObjects().putIfAbsent(task.getTaskName() + ":" + slot, keptSeconds)) {
            task.run(session);
        }
    }

    @Override
    public String getTaskName() {
        return task.getTaskName();
    }
}
