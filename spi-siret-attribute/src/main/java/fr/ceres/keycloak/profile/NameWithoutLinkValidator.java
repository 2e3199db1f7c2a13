package fr.ceres.keycloak.profile;

import fr.ceres.keycloak.common.FreeText;

/**
 * User-profile validator {@code name-without-link}: a person's name must not read as a web address
 * ({@code www.…}, {@code http://…}, {@code exemple.fr}). Names are quoted in the emails the portal sends on a
 * person's behalf (invitations, access requests), and mail clients would turn such a name into a link inside a
 * ministry's email.
 */
public final class NameWithoutLinkValidator extends FormatValidator {

    public static final String PROVIDER_ID = "name-without-link";
    public static final String MESSAGE_LOOKS_LIKE_LINK = "ceresNameLooksLikeLink";

    public NameWithoutLinkValidator() {
        super(PROVIDER_ID, MESSAGE_LOOKS_LIKE_LINK,
                "Person name that does not look like a web address or a domain name.",
                value -> !FreeText.looksLikeLink(value));
    }
}
