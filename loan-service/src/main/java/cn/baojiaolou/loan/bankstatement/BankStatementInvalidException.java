package cn.baojiaolou.loan.bankstatement;

import cn.baojiaolou.loan.domain.Refusal;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A statement file with bad lines: nothing of it is stored. Carries every bad line with its reasons as message keys,
 * so the web layer (problem+json, in the caller's language) and the batch runner (its log) can each word them.
 */
public class BankStatementInvalidException extends Refusal {

    public static final String CODE = "bankStatement.invalid";

    /** How many bad lines the summary ({@link #detail}) spells out; {@link #resolve} gives all of them. */
    public static final int DETAIL_LINES = 5;

    private final transient List<LineError> lines;

    public BankStatementInvalidException(List<LineError> lines) {
        super(Kind.RULE, CODE, null, lines.size(), "");
        this.lines = List.copyOf(lines);
    }

    /** A reason: a message key and its arguments; a {@link Column} or {@link StatementField} argument is worded by its label. */
    public record Reason(String messageKey, Object... args) {
    }

    /** One bad line (1-based, the header is line 1) and everything wrong with it. */
    public record LineError(int line, List<Reason> reasons) {
    }

    /** A resolved bad line: the reasons worded and joined. */
    public record LineProblem(int line, String reason) {
    }

    public List<LineError> lines() {
        return lines;
    }

    /**
     * Words every bad line with {@code messages} (key, args → text), e.g. {@code ProblemResponses::message} or a
     * MessageSource with a fixed locale. Column arguments are replaced by their label in the same language.
     */
    public List<LineProblem> resolve(BiFunction<String, Object[], String> messages) {
        String separator = messages.apply("bankStatement.separator", new Object[0]);
        return lines.stream().map(l -> new LineProblem(l.line(), String.join(separator, l.reasons().stream()
                .map(r -> messages.apply(r.messageKey(), labelled(r.args(), messages))).toList()))).toList();
    }

    /**
     * The one-paragraph summary: how many lines are bad and the first {@value #DETAIL_LINES} of them, worded with
     * {@code messages} like {@link #resolve}.
     */
    public String detail(BiFunction<String, Object[], String> messages) {
        List<LineProblem> problems = resolve(messages);
        String separator = messages.apply("bankStatement.separator", new Object[0]);
        String listed = String.join(separator, problems.stream().limit(DETAIL_LINES)
                .map(p -> messages.apply("bankStatement.lineReason", new Object[]{p.line(), p.reason()})).toList());
        if (problems.size() > DETAIL_LINES) {
            listed += messages.apply("bankStatement.more", new Object[]{problems.size()});
        }
        return messages.apply(CODE, new Object[]{problems.size(), listed});
    }

    private static Object[] labelled(Object[] args, BiFunction<String, Object[], String> messages) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Column c) {
                out[i] = messages.apply(c.labelKey(), new Object[0]);
            } else if (out[i] instanceof StatementField f) {
                out[i] = messages.apply(f.labelKey(), new Object[0]);
            }
        }
        return out;
    }
}
