package fr.ceres.keycloak.signup;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import fr.ceres.keycloak.common.FreeText;
import fr.ceres.keycloak.profile.PhoneNumbers;
import fr.ceres.keycloak.siret.ProfileAttributes;
import fr.ceres.keycloak.siret.Siret;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.models.UserModel;

/**
 * Puts what people type into the one form the profile stores, before it is validated: a SIRET
 * without its spaces, a phone number in E.164, the texts in NFC without surrounding blanks. A value
 * that cannot be read is left as typed, so the profile's validators name the problem on the page.
 */
final class SignupForm {

    /** The profile's free texts: the same name or address typed with composed or decomposed accents is stored once. */
    private static final List<String> FREE_TEXTS = List.of(ProfileAttributes.RAISON_SOCIALE, ProfileAttributes.ADRESSE,
            ProfileAttributes.COMMUNE, UserModel.FIRST_NAME, UserModel.LAST_NAME);

    private SignupForm() {
    }

    static void normalize(MultivaluedMap<String, String> form) {
        rewrite(form, ProfileAttributes.SIRET, raw -> Siret.parse(raw).map(Siret::value));
        rewrite(form, ProfileAttributes.TELEPHONE, PhoneNumbers::normalize);
        FREE_TEXTS.forEach(field -> rewrite(form, field, typed -> Optional.of(FreeText.normalize(typed))));
    }

    private static void rewrite(MultivaluedMap<String, String> form, String field,
                                Function<String, Optional<String>> normalizer) {
        String typed = form.getFirst(field);
        if (typed != null) {
            normalizer.apply(typed).ifPresent(normal -> form.putSingle(field, normal));
        }
    }
}
