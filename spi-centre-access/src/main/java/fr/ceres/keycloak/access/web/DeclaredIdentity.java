package fr.ceres.keycloak.access.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import fr.ceres.keycloak.siret.ProfileAttributes;
import org.keycloak.models.UserModel;

/**
 * What a person says of their company next to what is known of it, for a gestionnaire deciding whether they
 * are a colleague: the SIRET of the account is only declared (typed at sign-up), the register checked it or
 * not ({@code siretStatut}), and the email's domain is the one thing the person proved (by activating the
 * account), unless it is a public webmail's, which says nothing of any company. Getters: FreeMarker and the
 * suggestions' JSON read bean properties.
 */
public final class DeclaredIdentity {

    /** The register's word at sign-up, as the account stores it. */
    static final String VERIFIED = "verifie";
    /** Public webmail domains, as data ({@value #WEBMAIL_LIST}). */
    static final String WEBMAIL_LIST = "META-INF/ceres-webmail-domains.txt";
    private static final Set<String> WEBMAIL_DOMAINS = readWebmailDomains();

    private final String siret;
    private final boolean verified;
    private final String emailDomain;

    public DeclaredIdentity(String siret, String siretStatut, String email) {
        this.siret = siret == null ? "" : siret;
        this.verified = VERIFIED.equals(siretStatut);
        int at = email == null ? -1 : email.lastIndexOf('@');
        this.emailDomain = at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public static DeclaredIdentity of(UserModel user) {
        return new DeclaredIdentity(user.getFirstAttribute(ProfileAttributes.SIRET),
                user.getFirstAttribute(ProfileAttributes.SIRET_STATUT), user.getEmail());
    }

    /** The SIRET the account declares; empty if none. */
    public String getSiret() {
        return siret;
    }

    /** Whether the company register knew that SIRET when the account was made with it. */
    public boolean isSiretVerified() {
        return verified;
    }

    /** The domain of the account's (activated) email address; empty if none. */
    public String getEmailDomain() {
        return emailDomain;
    }

    /** Whether that domain is a public webmail's: « adresse email personnelle ». */
    public boolean isPersonalEmail() {
        return WEBMAIL_DOMAINS.contains(emailDomain);
    }

    private static Set<String> readWebmailDomains() {
        try (InputStream in = DeclaredIdentity.class.getClassLoader().getResourceAsStream(WEBMAIL_LIST)) {
            if (in == null) {
                throw new IllegalStateException(WEBMAIL_LIST + " missing from the bundle");
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return lines.lines()
                        .map(line -> line.strip().toLowerCase(Locale.ROOT))
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
