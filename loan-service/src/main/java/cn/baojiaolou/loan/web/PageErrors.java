package cn.baojiaolou.loan.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.baojiaolou.loan.common.Amount;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.SafeText;

/**
 * A refusal on a page: the same Chinese (or English) message the API gives, shown next to the field at fault, with
 * what the user typed kept in the form.
 */
@Component
public class PageErrors {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile(
            cn.baojiaolou.loan.common.Code.PATTERN);

    private final MessageSource messages;

    public PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** A message of the bundles by its key, in the page's language. */
    public String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    public String message(Refusal e, Locale locale) {
        String text = messages.getMessage(e.messageKey(), ProblemResponses.displayed(e.args(), messages, locale, false), e.messageKey(), locale);
        if (e.reasons().isEmpty()) {
            return text;
        }
        String separator = messages.getMessage("separator.list", null, "; ", locale);
        return text + e.reasons().stream().map(r -> message(r, locale))
                .collect(java.util.stream.Collectors.joining(separator));
    }

    /** Digits, with thousands separators only in groups of three ("1,234,567.89"), and at most two decimals. */
    private static final java.util.regex.Pattern AMOUNT =
            java.util.regex.Pattern.compile("(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{1,2})?");

    /**
     * A form's amount in 元, checked by the API's own {@code @Amount} rule. Separators must stand between groups of three:
     * "1,2,3" is refused, not read as 123.
     */
    public static BigDecimal amount(String field, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!AMOUNT.matcher(trimmed).matches()) {
            throw Refusal.invalid(field, "page.amount.invalid");
        }
        try {
            BigDecimal amount = new BigDecimal(trimmed.replace(",", ""));
            if (new Amount.Validator().isValid(amount, null)) {
                return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw Refusal.invalid(field, "page.amount.invalid");
    }

    /** Free text of a form: required or not, at most 500 characters, no markup or quotes (as {@code @SafeText}). */
    public static String note(String field, String text, boolean required) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            if (required) {
                throw Refusal.invalid(field, "page.note.required");
            }
            return null;
        }
        if (trimmed.length() > 500) {
            throw Refusal.invalid(field, "page.note.tooLong");
        }
        if (!new SafeText.Validator().isValid(trimmed, null)) {
            throw Refusal.invalid(field, "page.note.unsafe");
        }
        return trimmed;
    }

    /** A code or voucher number, as the API's {@code @Code}: letters, digits, -, _ and /. */
    public static String code(String field, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!CODE.matcher(trimmed).matches()) {
            throw Refusal.invalid(field, "page.code.invalid");
        }
        return trimmed;
    }

    /** Puts {@code error} (the message) and {@code errorField} (null for the form as a whole) in the model. */
    public void show(Model model, Refusal e, Locale locale) {
        model.addAttribute("error", message(e, locale));
        model.addAttribute("errorField", e.field());
    }
}
