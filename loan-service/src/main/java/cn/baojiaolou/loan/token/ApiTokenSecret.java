package cn.baojiaolou.loan.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A token's secret: "bjl_" and 256 random bits (43 base64url characters). Stored as its SHA-256 only: against a
 * secret that cannot be guessed a fast hash is enough, and one hash per request keeps token clients fast.
 */
final class ApiTokenSecret {

    static final String PREFIX = "bjl_";
    /** How many of its first characters a list shows, to tell tokens apart. */
    static final int HINT = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecret() {
    }

    static String generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether it can be a token at all: the prefix and the length, before any database read. */
    static boolean wellFormed(String secret) {
        return secret != null && secret.length() == PREFIX.length() + 43 && secret.startsWith(PREFIX)
                && secret.chars().skip(PREFIX.length()).allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                        || c == '-' || c == '_');
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hint(String secret) {
        return secret.substring(0, HINT);
    }
}
