package fr.ceres.keycloak.siret.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.common.ProviderVersion;
import fr.ceres.keycloak.siret.ProfileAttributes;
import fr.ceres.keycloak.siret.Siret;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@code siret-fixed}: once an account has a SIRET, its owner cannot change it (account
 * console, « mettre à jour le profil »). The SIRET says which company's gestionnaires see the person as a colleague
 * and which centres they may ask to join; the sign-up checks it in the company register and records
 * {@code siretStatut}, and a later edit would keep that status for a SIRET nobody checked. Sign-up sets it, an
 * administrator may change it (and the status with it); an older account without one may declare it once.
 */
public final class FixedSiretValidator extends AbstractStringValidator
        implements ConfiguredProvider, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "siret-fixed";
    public static final String MESSAGE_FIXED = "ceresSiretFixed";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        AttributeContext attribute = UserProfileAttributeValidationContext.from(context).getAttributeContext();
        UserProfileContext where = attribute.getContext();
        UserModel user = attribute.getUser();
        if (user == null || where == UserProfileContext.REGISTRATION || where.isAdminContext()) {
            return;
        }
        Optional<Siret> stored = Siret.parse(user.getFirstAttribute(ProfileAttributes.SIRET));
        Optional<Siret> typed = Siret.parse(value);
        // A malformed value is the siret validator's to report; an unchanged one, typed with spaces, is no change.
        if (stored.isPresent() && typed.isPresent() && !stored.get().equals(typed.get())) {
            context.addError(new ValidationError(PROVIDER_ID, inputHint, MESSAGE_FIXED));
        }
    }

    @Override
    public String getHelpText() {
        return "Refuses a change of the account's SIRET by its owner (account console, update profile); sign-up and"
                + " administrators may set it.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", ProviderVersion.of(getClass()));
    }
}
