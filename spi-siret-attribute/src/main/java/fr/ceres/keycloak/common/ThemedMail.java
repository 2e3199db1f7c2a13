package fr.ceres.keycloak.common;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * One email of the {@code ceres} email theme, through Keycloak's {@link EmailTemplateProvider} and the
 * realm's SMTP settings: its template shows one bean, under one attribute name.
 */
public final class ThemedMail {

    private ThemedMail() {
    }

    /**
     * Sends to {@code address}, in the language of {@code recipient} (their account's, else the realm's
     * French), never in the browser's of whoever caused the email. Throws when the email cannot be made
     * or handed to the SMTP server, so that the caller rolls back.
     */
    public static void send(KeycloakSession session, UserModel recipient, String address, String subjectKey, String template,
            String attribute, Object bean) throws EmailException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(attribute, bean);
        attributes.put(Constants.IGNORE_ACCEPT_LANGUAGE_HEADER, true);
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(session.getContext().getRealm())
                .setUser(recipient)
                .send(subjectKey, template, attributes, address);
    }
}
