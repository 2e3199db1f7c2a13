package fr.ceres.keycloak.centre.token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.centre.habilitation.Habilitation;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import fr.ceres.keycloak.common.ProviderVersion;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.representations.IDToken;

/**
 * Adds the user's habilitations to the tokens:
 * {@code "ceres_habilitations": [{"siret": "…", "role": "gestionnaire" | "centre-agree", "centre": "…"}]},
 * an empty list for a user without any, so relying applications need not tell "absent" from "none".
 */
public final class HabilitationsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ceres-habilitations-mapper";
    public static final String DEFAULT_CLAIM = "ceres_habilitations";

    private final List<ProviderConfigProperty> configProperties = buildConfigProperties();

    private static List<ProviderConfigProperty> buildConfigProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(properties);
        properties.get(0).setDefaultValue(DEFAULT_CLAIM);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, HabilitationsMapper.class);
        return List.copyOf(properties);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        List<Map<String, String>> claim = new Habilitations(session).of(userSession.getUser()).stream()
                .map(HabilitationsMapper::claimOf)
                .toList();
        String claimName = mappingModel.getConfig().getOrDefault(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, DEFAULT_CLAIM);
        token.getOtherClaims().put(claimName, claim);
    }

    private static Map<String, String> claimOf(Habilitation habilitation) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("siret", habilitation.siret());
        entry.put("role", habilitation.role().id());
        entry.put("centre", habilitation.centre());
        return entry;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Ceres habilitations";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the user's Ceres habilitations (SIRET, role, centre), read from the centres' organization groups.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return configProperties;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", ProviderVersion.of(getClass()));
    }
}
