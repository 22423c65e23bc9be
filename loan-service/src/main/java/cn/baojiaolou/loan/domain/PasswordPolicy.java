package cn.baojiaolou.loan.domain;

import java.util.Locale;

/**
 * What a new password must be (issue 11, in the spirit of 等保 2.0's identification rules): at least 10 characters,
 * at most 72 (BCrypt reads no further), not the login and not containing it. That it is none of the last five is
 * checked against the stored hashes by the service, which holds them.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 72;
    /** How many earlier passwords may not come back. */
    public static final int HISTORY = 5;

    private PasswordPolicy() {
    }

    /** Refuses a password that breaks a rule, naming the field and the rule. */
    public static void check(String field, String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw Refusal.invalid(field, "password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw Refusal.invalid(field, "password.tooLong", MAX_LENGTH);
        }
        if (password.isBlank() || !password.strip().equals(password)) {
            throw Refusal.invalid(field, "password.spaces");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw Refusal.invalid(field, "password.containsLogin");
        }
    }
}
