package fr.ceres.keycloak.siret;

import java.util.Optional;

/**
 * A French establishment identifier (SIRET): 14 digits whose first 9 are the company's SIREN.
 *
 * <p>The check is Luhn over the 14 digits, except for La Poste (SIREN 356000000), whose
 * establishments outnumber what Luhn can tell apart: their SIRET is valid when it passes Luhn or,
 * failing that, when the sum of its digits is a multiple of 5.
 */
public final class Siret {

    static final String LA_POSTE_SIREN = "356000000";
    private static final int LENGTH = 14;

    private final String value;

    private Siret(String value) {
        this.value = value;
    }

    /**
     * Reads a SIRET as people type it: spaces (including non-breaking ones) are removed, anything
     * else that is not a valid SIRET gives an empty result.
     */
    public static Optional<Siret> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s\\u00A0\\u202F]", "");
        if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return hasValidChecksum(digits) ? Optional.of(new Siret(digits)) : Optional.empty();
    }

    /** The 14 digits, without spaces. */
    public String value() {
        return value;
    }

    /** The company identifier: the first 9 digits. */
    public String siren() {
        return value.substring(0, 9);
    }

    private static boolean hasValidChecksum(String digits) {
        if (luhn(digits)) {
            return true;
        }
        return digits.startsWith(LA_POSTE_SIREN) && digitSum(digits) % 5 == 0;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Siret siret && siret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
