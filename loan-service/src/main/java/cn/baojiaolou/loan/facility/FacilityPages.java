package cn.baojiaolou.loan.facility;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.web.PageErrors;

/** 借款批次: the facilities with their balances; city accountants record 提款 (drawdowns) and 统还 here. */
@Controller
class FacilityPages {

    private final FacilityService facilities;
    private final FacilityTermService terms;
    private final BusinessClock clock;
    private final PageErrors errors;

    FacilityPages(FacilityService facilities, FacilityTermService terms, BusinessClock clock, PageErrors errors) {
        this.facilities = facilities;
        this.terms = terms;
        this.clock = clock;
        this.errors = errors;
    }

    @GetMapping("/facilities")
    String list(Model model) {
        model.addAttribute("facilities", facilities.all());
        model.addAttribute("today", clock.today());
        return "facilities";
    }

    @PostMapping("/facilities/{code}/drawdowns")
    String drawdown(@PathVariable String code, @RequestParam String amount, @RequestParam String valueDate,
                    @RequestParam String voucherNo, Locale locale, RedirectAttributes redirect) {
        return act(() -> facilities.drawdown(code, PageErrors.amount("amount", amount), date(valueDate),
                PageErrors.code("voucherNo", voucherNo)), "page.drawn", code, locale, redirect);
    }

    @PostMapping("/facilities/{code}/repayments")
    String centralRepayment(@PathVariable String code, @RequestParam String principal,
                            @RequestParam String interest, @RequestParam String valueDate,
                            @RequestParam String voucherNo, Locale locale, RedirectAttributes redirect) {
        return act(() -> facilities.centralRepayment(code, amountOrZero("principal", principal),
                amountOrZero("interest", interest), date(valueDate), PageErrors.code("voucherNo", voucherNo)),
                "page.centrallyRepaid", code, locale, redirect);
    }

    /**
     * 展期 or a new rate, asked for by a city accountant. The page takes the rate as a percentage (3.25 = 3.25 % a
     * year), the API as a fraction (0.0325).
     */
    @PostMapping("/facilities/{code}/term-changes")
    String requestTermChange(@PathVariable String code, @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String effectiveOn,
                             @RequestParam(required = false) String newMaturityDate,
                             @RequestParam(required = false) String newRatePercent,
                             @RequestParam(required = false) String approvalRef, Locale locale,
                             RedirectAttributes redirect) {
        return act(() -> {
            cn.baojiaolou.loan.domain.facility.TermChange.Kind k = java.util.Arrays.stream(
                            cn.baojiaolou.loan.domain.facility.TermChange.Kind.values())
                    .filter(v -> v.name().equals(kind)).findFirst()
                    .orElseThrow(() -> Refusal.invalid("kind", "page.choose"));
            boolean extension = k == cn.baojiaolou.loan.domain.facility.TermChange.Kind.EXTENSION;
            terms.request(code, k, date(effectiveOn), extension ? date(newMaturityDate) : null,
                    extension ? null : ratePercent(newRatePercent), PageErrors.note("approvalRef", approvalRef, true));
        }, "page.termChangeRequested", code, locale, redirect);
    }

    @PostMapping("/facilities/{code}/term-changes/{id}/approval")
    String approveTermChange(@PathVariable String code, @PathVariable long id, Locale locale,
                             RedirectAttributes redirect) {
        return act(() -> terms.approve(code, id, null), "page.termChangeApproved", code, locale, redirect);
    }

    @PostMapping("/facilities/{code}/term-changes/{id}/rejection")
    String rejectTermChange(@PathVariable String code, @PathVariable long id,
                            @RequestParam(required = false) String reason, Locale locale,
                            RedirectAttributes redirect) {
        return act(() -> terms.reject(code, id, PageErrors.note("reason", reason, true)), "page.termChangeRejected",
                code, locale, redirect);
    }

    /** A percentage with at most four decimals (3.2500 % = 0.032500). */
    private static java.math.BigDecimal ratePercent(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("\\d{1,2}(\\.\\d{1,4})?")) {
            throw Refusal.invalid("newAnnualRate", "page.ratePercent.invalid");
        }
        return new java.math.BigDecimal(t).movePointLeft(2).setScale(6);
    }

    private String act(Runnable action, String done, String code, Locale locale, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule(done, code), locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", errors.message(e, locale));
        }
        return "redirect:/facilities";
    }

    /** 统还 may repay principal, interest or both: an empty box is zero. */
    private static java.math.BigDecimal amountOrZero(String field, String text) {
        return text == null || text.isBlank() ? new java.math.BigDecimal("0.00") : PageErrors.amount(field, text);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("valueDate", "page.date.invalid");
        }
    }
}
