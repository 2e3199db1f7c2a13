package fr.ceres.keycloak.common;

import org.keycloak.Config;

/**
 * A whole-number server option that must lie between 1 and a bound. Outside, the server does not start: failing
 * the start-up, naming the option, beats a portal whose limits let nothing through, or anything.
 */
public final class BoundedOption {

    private BoundedOption() {
    }

    /**
     * The option {@code name} of the provider's scope ({@code defaultValue} when unset), checked to lie in
     * 1..{@code max}; {@code flagPrefix} is how an operator writes the provider's options, e.g.
     * {@code --spi-form-action--<provider>--}.
     */
    public static int read(Config.Scope config, String flagPrefix, String name, int defaultValue, int max) {
        int value = config.getInt(name, defaultValue);
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(flagPrefix + name + " must be between 1 and " + max + ", got " + value);
        }
        return value;
    }
}
