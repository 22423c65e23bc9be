package cn.baojiaolou.loan.web;

import cn.baojiaolou.loan.domain.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

import java.math.BigDecimal;
import java.net.URI;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds RFC 9457 problem+json bodies in the caller's language (Chinese unless Accept-Language says en). */
@Component
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final LocaleResolver locales;

    public ProblemResponses(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    public record FieldProblem(String field, String message) {
    }

    public ProblemDetail of(Refusal e) {
        String text = message(e.messageKey(), e.args());
        if (!e.reasons().isEmpty()) {
            // a refusal with several reasons: each one an entry of errors[], all of them in the detail too
            List<FieldProblem> errors = e.reasons().stream()
                    .map(r -> new FieldProblem(r.field(), message(r.messageKey(), r.args()))).toList();
            String joined = text + errors.stream().map(FieldProblem::message)
                    .collect(java.util.stream.Collectors.joining(message("separator.list"), "", ""));
            return build(status(e.kind()), e.messageKey(), joined, errors);
        }
        List<FieldProblem> errors = e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), text));
        return build(status(e.kind()), e.messageKey(), text, errors);
    }

    /** The one place a refusal's kind becomes an HTTP status. */
    public static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    public ProblemDetail of(HttpStatus status, String key, List<FieldProblem> errors, Object... args) {
        return build(status, key, message(key, args), errors);
    }

    public ProblemDetail build(HttpStatus status, String code, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:bjl:problem:" + code));
        problem.setTitle(message("status." + status.value(), new Object[0], status.getReasonPhrase()));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message",
                    f.message())).toList());
        }
        return problem;
    }

    public String message(String key, Object... args) {
        return message(key, args, key);
    }

    private String message(String key, Object[] args, String fallback) {
        Locale locale = locale();
        return messages.getMessage(key, displayed(args, messages, locale), fallback, locale);
    }

    /**
     * Amounts read as 元 with thousands separators and always two decimals: 46,913.50; labels of the bundles (a
     * status) in the answer's language.
     */
    static Object[] displayed(Object[] args, MessageSource messages, Locale locale) {
        return displayed(args, messages, locale, true);
    }

    /**
     * As above; {@code otherAsText} false leaves other arguments (ids, counts) to the message's own format, as the
     * pages' messages expect ({0,number,#}).
     */
    static Object[] displayed(Object[] args, MessageSource messages, Locale locale, boolean otherAsText) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof BigDecimal amount) {
                out[i] = new DecimalFormat("#,##0.00").format(amount);
            } else if (out[i] instanceof Refusal.Label label) {
                out[i] = messages.getMessage(label.key(), null, label.key(), locale);
            } else if (out[i] instanceof Refusal.LabelList list) {
                out[i] = list.labels().stream().map(l -> messages.getMessage(l.key(), null, l.key(), locale))
                        .collect(java.util.stream.Collectors.joining(messages.getMessage("separator.or", null, "/",
                                locale)));
            } else if (otherAsText && out[i] != null && !(out[i] instanceof String)) {
                out[i] = String.valueOf(out[i]);
            }
        }
        return out;
    }

    /** Filters run before the DispatcherServlet has set the locale, so it is resolved from the request here. */
    public Locale locale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return locales.resolveLocale(attrs.getRequest());
        }
        return LocaleContextHolder.getLocale();
    }
}
