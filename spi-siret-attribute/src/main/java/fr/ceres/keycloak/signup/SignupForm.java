package fr.ceres.keycloak.signup;

import java.util.Optional;
import java.util.function.Function;

import fr.ceres.keycloak.profile.PhoneNumbers;
import fr.ceres.keycloak.siret.ProfileAttributes;
import fr.ceres.keycloak.siret.Siret;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Puts what people type into the one form the profile stores, before it is validated: a SIRET
 * without its spaces, a phone number in E.164. A value that cannot be read is left as typed, so
 * the profile's validators name the problem on the page.
 */
final class SignupForm {

    private SignupForm() {
    }

    static void normalize(MultivaluedMap<String, String> form) {
        rewrite(form, ProfileAttributes.SIRET, raw -> Siret.parse(raw).map(Siret::value));
        rewrite(form, ProfileAttributes.TELEPHONE, PhoneNumbers::normalize);
    }

    private static void rewrite(MultivaluedMap<String, String> form, String field,
                                Function<String, Optional<String>> normalizer) {
        String typed = form.getFirst(field);
        if (typed != null) {
            normalizer.apply(typed).ifPresent(normal -> form.putSingle(field, normal));
        }
    }
}
