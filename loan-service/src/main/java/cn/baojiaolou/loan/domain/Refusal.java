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
    private final transient java.util.List<Refusal> reasons;

    public Refusal(Kind kind, String messageKey, String field, Object... args) {
        this(kind, messageKey, field, java.util.List.of(), args);
    }

    private Refusal(Kind kind, String messageKey, String field, java.util.List<Refusal> reasons, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.field = field;
        this.reasons = java.util.List.copyOf(reasons);
        this.args = args;
    }

    /** A rule refuses for several reasons at once, each on a field of its own (all of them are listed). */
    public static Refusal blocked(String messageKey, java.util.List<Refusal> reasons) {
        return new Refusal(Kind.RULE, messageKey, null, reasons);
    }

    /** An argument that is itself a message of the bundles (a status's label, say), read in the answer's language. */
    public record Label(String key) {
    }

    /** Labels of the bundles named prefix + each value's name: Refusal.labels("status.", STOPPED) → 停工. */
    public static Object labels(String prefix, java.util.Collection<? extends Enum<?>> values) {
        return new LabelList(values.stream().map(v -> new Label(prefix + v.name())).toList());
    }

    /** Several labels, read as one list. */
    public record LabelList(java.util.List<Label> labels) {
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

    /** The reasons of a refusal with several (empty for a refusal with one). */
    public java.util.List<Refusal> reasons() {
        return reasons;
    }
}
