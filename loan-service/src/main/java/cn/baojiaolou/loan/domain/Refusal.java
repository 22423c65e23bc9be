package cn.baojiaolou.loan.domain;

/**
 * A business rule, a missing thing or a bad value refuses a request. {@code messageKey} names a message in
 * messages*.properties, so the same refusal reads in Chinese or English; {@code field} names the request field at
 * fault, when there is one. Plain Java: the web edge turns the {@link Kind} into an HTTP status, the batch runner
 * into a line of output.
 */
public class Refusal extends RuntimeException {

    /** What kind of refusal it is; the web edge maps each to one HTTP status. */
    public enum Kind {
        /** The input itself is malformed (a date that is not a date, an empty required field). */
        INVALID,
        /** The thing asked for does not exist, or is in a district the user may not see. */
        NOT_FOUND,
        /** The user may not do this (maker = checker, a district user writing a city facility). */
        FORBIDDEN,
        /** The thing is not in a state that allows it (already verified, already paid, exists already). */
        CONFLICT,
        /** Well-formed, but a money or progress rule refuses it (a cap, a date order). */
        RULE
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] args;
    private final String field;

    public Refusal(Kind kind, String messageKey, String field, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
    }

    public static Refusal notFound(String messageKey, Object... args) {
        return new Refusal(Kind.NOT_FOUND, messageKey, null, args);
    }

    /** The request is well-formed but a business rule refuses it. */
    public static Refusal rule(String messageKey, Object... args) {
        return new Refusal(Kind.RULE, messageKey, null, args);
    }

    public static Refusal ruleOnField(String field, String messageKey, Object... args) {
        return new Refusal(Kind.RULE, messageKey, field, args);
    }

    public static Refusal conflict(String messageKey, Object... args) {
        return new Refusal(Kind.CONFLICT, messageKey, null, args);
    }

    public static Refusal forbidden(String messageKey, Object... args) {
        return new Refusal(Kind.FORBIDDEN, messageKey, null, args);
    }

    public static Refusal invalid(String field, String messageKey, Object... args) {
        return new Refusal(Kind.INVALID, messageKey, field, args);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public String field() {
        return field;
    }
}
