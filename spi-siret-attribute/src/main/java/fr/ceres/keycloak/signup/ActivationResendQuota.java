package fr.ceres.keycloak.signup;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.UserEntity;

/**
 * How many activation links the sign-up page may send again to one pending account. Anyone who knows an address
 * waiting for activation can press « Renvoyer le lien d'activation »; the cooldown spaces the emails, this bounds
 * them. A pending account lives as long as its first link (24 hours), so the count is per sign-up.
 *
 * <p>Counted in the database, exactly across nodes: an unmanaged attribute of the account, read from its row
 * under a write lock on Keycloak's own row of the account, held until the request's transaction ends.
 */
final class ActivationResendQuota {

    /** Unmanaged user attribute: not part of the user profile, never shown or editable. */
    static final String SENT = "ceresActivationResends";
    private static final String READ_SENT = "select a.value from UserAttributeEntity a"
            + " where a.user.id = :userId and a.name = :name";

    private final KeycloakSession session;
    private final int max;

    ActivationResendQuota(KeycloakSession session, int max) {
        this.session = session;
        this.max = max;
    }

    /** Counts one more link if the account has room left: true, and the link may go; false, and nothing changed. */
    boolean take(UserModel user) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        if (em.find(UserEntity.class, user.getId(), LockModeType.PESSIMISTIC_WRITE) == null) {
            return false;
        }
        int sent = em.createQuery(READ_SENT, String.class)
                .setParameter("userId", user.getId())
                .setParameter("name", SENT)
                .getResultStream()
                .findFirst()
                .map(ActivationResendQuota::count)
                .orElse(0);
        if (sent >= max) {
            return false;
        }
        user.setSingleAttribute(SENT, Integer.toString(sent + 1));
        return true;
    }

    private static int count(String stored) {
        try {
            return Integer.parseInt(stored);
        } catch (NumberFormatException e) {
            // Only this class writes it; anything else is treated as spent, never as room.
            return Integer.MAX_VALUE;
        }
    }
}
