package fr.ceres.keycloak.access.store;

import org.keycloak.models.jpa.entities.OrganizationEntity;
import org.keycloak.models.jpa.entities.UserEntity;

/**
 * The emails a portal user can make the server send, each counted against a daily quota of whoever triggers
 * it. Each quota names Keycloak's own row that serializes its count across nodes (see {@link MailQuotas}).
 */
public enum MailQuota {

    /** Invitations sent or sent again by a centre's gestionnaires, per centre (its Organization's id). */
    CENTRE_INVITATIONS("centre-invites", "invitations-per-centre-per-day", 50, OrganizationEntity.class,
            "Invitation emails (sent or sent again) a centre's gestionnaires may send in any 24 hours"),
    /** Access requests, each emailed to a centre's gestionnaires, per person asking (their user id). */
    PERSON_REQUESTS("person-requests", "access-requests-per-person-per-day", 5, UserEntity.class,
            "Access requests (each emailed to the centre's gestionnaires) one person may send in any 24 hours");

    private final String id;
    private final String option;
    private final int defaultPerDay;
    private final Class<?> lockedRow;
    private final String help;

    MailQuota(String id, String option, int defaultPerDay, Class<?> lockedRow, String help) {
        this.id = id;
        this.option = option;
        this.defaultPerDay = defaultPerDay;
        this.lockedRow = lockedRow;
        this.help = help;
    }

    /** The word stored in {@code CERES_MAIL_SENT.QUOTA}. */
    String id() {
        return id;
    }

    /** The server option setting it. */
    String option() {
        return option;
    }

    int defaultPerDay() {
        return defaultPerDay;
    }

    Class<?> lockedRow() {
        return lockedRow;
    }

    /** What its option bounds, for the admin console's server info. */
    String help() {
        return help;
    }
}
