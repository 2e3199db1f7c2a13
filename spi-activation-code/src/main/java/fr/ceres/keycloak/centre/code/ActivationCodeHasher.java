package fr.ceres.keycloak.centre.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns an activation code into the only form the database holds ("stored only as a
 * salted hash"), and checks a typed code against it.
 *
 * <p>The stored form is one string, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base 64
 * without padding), so that the iteration count can change later without breaking codes already
 * mailed: verification reads the count from the stored string.
 */
public final class ActivationCodeHasher {

    static final String SCHEME = "pbkdf2-sha256";
    /**
     * Why 20,000: a database leak must not let anyone search the 2^60 codes offline cheaply, and
     * each guess already costs 20,000 HMAC-SHA256 rounds against a salt of its own per code. The
     * cost is paid once per verification, and verifications are few (an attempt is rate-limited
     * per user and per SIRET), so a few milliseconds each is affordable; the hundreds of thousands
     * of rounds advised for passwords are not needed for a 60-bit random secret and would turn the
     * attach page into a CPU sink.
     */
    public static final int ITERATIONS = 20_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** A stored string claiming more than this is tampered with, not slow hardware's choice. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private final RandomGenerator random;

    /** @param random where salts come from: a {@link java.security.SecureRandom} */
    public ActivationCodeHasher(RandomGenerator random) {
        this.random = random;
    }

    /** The storable form of the code, with a fresh random salt. */
    public String hash(ActivationCode code) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = pbkdf2(code, salt, ITERATIONS);
        return String.join("$", SCHEME, Integer.toString(ITERATIONS), ENCODER.encodeToString(salt),
                ENCODER.encodeToString(hash));
    }

    /** Whether the code is the one hashed into {@code stored}; false when {@code stored} is malformed. */
    public boolean matches(ActivationCode code, String stored) {
        return Stored.parse(stored)
                .map(s -> MessageDigest.isEqual(pbkdf2(code, s.salt(), s.iterations()), s.hash()))
                .orElse(false);
    }

    private static byte[] pbkdf2(ActivationCode code, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(code.value().toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships PBKDF2WithHmacSHA256; without it nothing can be verified.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The parts of a stored string, checked for shape before any hashing is done. */
    private record Stored(int iterations, byte[] salt, byte[] hash) {

        static Optional<Stored> parse(String stored) {
            String[] parts = stored == null ? new String[0] : stored.split("\\$", -1);
            if (parts.length != 4 || !SCHEME.equals(parts[0])) {
                return Optional.empty();
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2].getBytes(StandardCharsets.US_ASCII));
                byte[] hash = Base64.getDecoder().decode(parts[3].getBytes(StandardCharsets.US_ASCII));
                boolean sane = iterations > 0 && iterations <= MAX_ITERATIONS
                        && salt.length >= SALT_BYTES && hash.length == HASH_BITS / 8;
                return sane ? Optional.of(new Stored(iterations, salt, hash)) : Optional.empty();
            } catch (IllegalArgumentException e) {
                // NumberFormatException or bad base 64: the stored string was altered.
                return Optional.empty();
            }
        }
    }
}
