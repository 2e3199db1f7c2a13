package fr.ceres.keycloak.access.store;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.common.BoundedOption;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The daily limit of each {@link MailQuota}: server options of the tables' factory,
 * {@code --spi-jpa-entity-provider--ceres-access--<option>}, read once at start-up.
 *
 * @param perDay the emails allowed per subject in any 24 hours
 */
public record MailQuotaOptions(Map<MailQuota, Integer> perDay) {

    /** Beyond this, a typo rather than a policy: the quota would no longer protect anybody's mailbox. */
    static final int MAX_PER_DAY = 10_000;

    public MailQuotaOptions {
        perDay = Map.copyOf(perDay);
    }

    static MailQuotaOptions read(Config.Scope config) {
        Map<MailQuota, Integer> limits = new EnumMap<>(MailQuota.class);
        for (MailQuota quota : MailQuota.values()) {
            limits.put(quota, BoundedOption.read(config, "--spi-jpa-entity-provider--"
                    + AccessEntityProviderFactory.PROVIDER_ID + "--", quota.option(), quota.defaultPerDay(), MAX_PER_DAY));
        }
        return new MailQuotaOptions(limits);
    }

    static MailQuotaOptions defaults() {
        Map<MailQuota, Integer> limits = new EnumMap<>(MailQuota.class);
        for (MailQuota quota : MailQuota.values()) {
            limits.put(quota, quota.defaultPerDay());
        }
        return new MailQuotaOptions(limits);
    }

    int limit(MailQuota quota) {
        return perDay.get(quota);
    }

    static List<ProviderConfigProperty> metadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (MailQuota quota : MailQuota.values()) {
            builder.property().name(quota.option()).type(ProviderConfigProperty.INTEGER_TYPE)
                    .helpText(quota.help() + " (1 to " + MAX_PER_DAY + ").")
                    .defaultValue(quota.defaultPerDay()).add();
        }
        return builder.build();
    }

    Map<String, String> asInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        for (MailQuota quota : MailQuota.values()) {
            info.put(quota.option(), Integer.toString(limit(quota)));
        }
        return info;
    }
}
