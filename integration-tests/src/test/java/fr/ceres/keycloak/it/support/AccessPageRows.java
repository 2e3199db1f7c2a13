package fr.ceres.keycloak.it.support;

import java.util.regex.Pattern;

/**
 * The rows of a centre's access page, by the id the template gives each: an invitation, an access request (their ids
 * are the rows' UUIDs, so the ids of the parts inside a row, {@code ceres-access-request-email-…}, do not count), a
 * habilitation ({@code <person>-<siret>-<role>}).
 */
public final class AccessPageRows {

    private static final String UUID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

    public static final Pattern INVITATION = Pattern.compile("id=\"ceres-access-invitation-" + UUID + "\"");
    public static final Pattern REQUEST = Pattern.compile("id=\"ceres-access-request-" + UUID + "\"");
    public static final Pattern HABILITATION = Pattern.compile("id=\"ceres-access-habilitation-" + UUID + "-[^\"]+\"");

    private AccessPageRows() {
    }
}
