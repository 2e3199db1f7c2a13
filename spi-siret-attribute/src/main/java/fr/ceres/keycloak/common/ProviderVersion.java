package fr.ceres.keycloak.common;

/** The bundle version a provider reports in the admin console's server info. */
public final class ProviderVersion {

    private static final String UNPACKAGED = "dev";

    private ProviderVersion() {
    }

    /** The Implementation-Version of the jar holding the class ("dev" when run from classes). */
    public static String of(Class<?> providerClass) {
        String version = providerClass.getPackage().getImplementationVersion();
        return version == null ? UNPACKAGED : version;
    }
}
