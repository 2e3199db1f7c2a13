package fr.ceres.keycloak.centre.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A centre's activation code: 12 characters of Crockford's base 32, that is 60 random
 * bits, mailed once inside the approval letter and typed back by the future gestionnaire.
 *
 * <p>The alphabet has no I, L, O or U, so nothing printed can be misread; what people type is read
 * back the way Crockford decodes it (O as 0, I and L as 1, any case, grouping characters ignored).
 * {@link #toString()} never shows the code, so it cannot reach a log by accident.
 */
public final class ActivationCode {

    /** Crockford's base-32 alphabet: digits and letters without I, L, O, U. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** 12 characters × 5 bits = 60 bits. */
    public static final int LENGTH = 12;
    private static final int GROUP = 4;
    /** What people put between groups, typed or pasted from a PDF: spaces, dashes, dots. */
    private static final String IGNORED = "[\\s\\u00A0\\u202F\\-\\u2010-\\u2015\\u2212.]";

    private final String value;

    private ActivationCode(String value) {
        this.value = value;
    }

    /** A new random code; pass a {@link java.security.SecureRandom}. */
    public static ActivationCode generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            // 32 is a power of two: nextInt(32) is uniform, every character carries 5 full bits.
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new ActivationCode(code.toString());
    }

    /**
     * Reads a code as people type it, into its canonical 12 characters; empty when the text cannot
     * be a code (wrong length, U, or any other character outside the alphabet).
     */
    public static Optional<ActivationCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String canonical = typed.replaceAll(IGNORED, "")
                .toUpperCase(Locale.ROOT)
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        if (canonical.length() != LENGTH || !canonical.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new ActivationCode(canonical));
    }

    /** The canonical 12 characters, as hashed. */
    public String value() {
        return value;
    }

    /** The code as printed in the letter: {@code XXXX-XXXX-XXXX}. */
    public String grouped() {
        return value.substring(0, GROUP) + '-' + value.substring(GROUP, 2 * GROUP) + '-' + value.substring(2 * GROUP);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationCode code
                && MessageDigest.isEqual(code.value.getBytes(StandardCharsets.US_ASCII),
                        value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Never the code itself: this is what a log line or an exception message would show. */
    @Override
    public String toString() {
        return "ActivationCode[****]";
    }
}
