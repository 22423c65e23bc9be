package cn.baojiaolou.loan.facility;

import static cn.baojiaolou.loan.web.ListExport.column;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
import cn.baojiaolou.loan.web.ListExport;
import cn.baojiaolou.loan.web.PageErrors;
import cn.baojiaolou.reports.ColumnType;
import jakarta.servlet.http.HttpServletResponse;

/** 借款批次: the facilities with their balances; city accountants record 提款 (drawdowns) and 统还 here. */
@Controller
class FacilityPages {

    private final FacilityService facilities;
    private final FacilityTermService terms;
    private final BusinessClock clock;
    private final PageErrors errors;

    private final ListExport export;

    FacilityPages(FacilityService facilities, FacilityTermService terms, BusinessClock clock, PageErrors errors,
                  ListExport export) {
        this.export = export;
        this.facilities = facilities;
        this.terms = terms;
        this.clock = clock;
        this.errors = errors;
    }

    @GetMapping("/facilities")
    String list(Model model) {
        return page(model);
    }

    /** Every facility with its balances and the terms in force today, as XLSX. */
    @GetMapping("/facilities/facilities.xlsx")
    void exportFacilities(HttpServletResponse response, Locale locale) throws IOException {
        List<FacilityService.FacilityView> all = facilities.all();
        List<ListExport.Column<FacilityService.FacilityView>> columns = List.of(
                column("facilities.code", ColumnType.TEXT, (FacilityService.FacilityView v) -> v.facility().code()),
                column("facilities.name", ColumnType.TEXT, (FacilityService.FacilityView v) -> v.facility().name()),
                column("facility.lender", ColumnType.TEXT, (FacilityService.FacilityView v) -> v.facility().lender()),
                column("facilities.borrower", ColumnType.TEXT,
                        (FacilityService.FacilityView v) -> v.facility().borrower()),
                column("facilities.accountNo", ColumnType.TEXT,
                        (FacilityService.FacilityView v) -> v.facility().accountNo()),
                column("facility.amount", ColumnType.YUAN, (FacilityService.FacilityView v) -> v.facility().amount()),
                column("facility.drawn", ColumnType.YUAN, FacilityService.FacilityView::drawn),
                column("facility.outstanding", ColumnType.YUAN, FacilityService.FacilityView::outstanding),
                column("facility.account", ColumnType.YUAN, FacilityService.FacilityView::accountBalance),
                column("facility.available", ColumnType.YUAN, FacilityService.FacilityView::availableBalance),
                column("facilities.rate", ColumnType.RATE, FacilityService.FacilityView::currentAnnualRate),
                column("facilities.maturity", ColumnType.DATE, FacilityService.FacilityView::currentMaturityDate),
                column("facilities.termChanges", ColumnType.INTEGER,
                        (FacilityService.FacilityView v) -> v.termChanges().stream()
                                .filter(c -> c.status() == cn.baojiaolou.loan.domain.facility.TermChange.Status.APPROVED)
                                .count()));
        export.write(response, "facilities", "facilities.title", null, columns,
                (last, limit) -> last == null ? all : List.of(), locale);
    }

    private String page(Model model) {
        model.addAttribute("facilities", facilities.all());
        model.addAttribute("today", clock.today());
        return "facilities";
    }

    /** The 提款 form as typed, kept when it comes back refused. */
    record DrawdownForm(String amount, String valueDate, String voucherNo) {
    }

    /** The 统还 form as typed. */
    record RepaymentForm(String principal, String interest, String valueDate, String voucherNo) {
    }

    /**
     * 提款: the form first comes back as a confirmation step (facility and bank, value date, voucher, the amount in
     * figures and 大写, drawn and undrawn and the 专户 balance before and after), checked by the same rules as the
     * posting; only 确认提款 (confirmed=yes) posts it. A refusal at either step shows the facility page again with the
     * message beside the field and what was typed kept.
     */
    @PostMapping("/facilities/{code}/drawdowns")
    String drawdown(@PathVariable String code, DrawdownForm form, @RequestParam(required = false) String confirmed,
                    Model model, Locale locale, RedirectAttributes redirect) {
        try {
            java.math.BigDecimal amount = PageErrors.amount("amount", form.amount());
            LocalDate on = date(form.valueDate());
            String voucher = PageErrors.code("voucherNo", form.voucherNo());
            if (!"yes".equals(confirmed)) {
                FacilityService.DrawdownPreview preview = facilities.previewDrawdown(code, amount, on, voucher);
                model.addAttribute("drawdown", preview);
                model.addAttribute("amountWords", cn.baojiaolou.reports.RmbUppercase.of(amount));
                return "facility-confirm";
            }
            facilities.drawdown(code, amount, on, voucher);
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule("page.drawn", code), locale));
            return "redirect:/facilities";
        } catch (Refusal e) {
            return refused(model, e, locale, code, "drawdown", form);
        }
    }

    /**
     * 统还: a confirmation step first (principal and interest each and their total in figures and 大写, the principal
     * outstanding and the 专户 balance before and after), checked by the same rules; only 确认统还 posts it.
     */
    @PostMapping("/facilities/{code}/repayments")
    String centralRepayment(@PathVariable String code, RepaymentForm form,
                            @RequestParam(required = false) String confirmed, Model model, Locale locale,
                            RedirectAttributes redirect) {
        try {
            java.math.BigDecimal principal = amountOrZero("principal", form.principal());
            java.math.BigDecimal interest = amountOrZero("interest", form.interest());
            LocalDate on = date(form.valueDate());
            String voucher = PageErrors.code("voucherNo", form.voucherNo());
            if (!"yes".equals(confirmed)) {
                FacilityService.CentralRepaymentPreview preview = facilities.previewCentralRepayment(code, principal,
                        interest, on, voucher);
                model.addAttribute("repayment", preview);
                model.addAttribute("principalWords", words(preview.principal()));
                model.addAttribute("interestWords", words(preview.interest()));
                model.addAttribute("totalWords", cn.baojiaolou.reports.RmbUppercase.of(preview.total()));
                return "facility-confirm";
            }
            facilities.centralRepayment(code, principal, interest, on, voucher);
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule("page.centrallyRepaid", code), locale));
            return "redirect:/facilities";
        } catch (Refusal e) {
            return refused(model, e, locale, code, "repayment", form);
        }
    }

    /**
     * The facility page again with the refused form's message beside its field and what was typed in it. A repeated
     * voucher is refused without a field (a conflict, as in the API) but belongs beside the voucher number.
     */
    private String refused(Model model, Refusal e, Locale locale, String code, String which, Object typed) {
        model.addAttribute("error", errors.message(e, locale));
        model.addAttribute("errorField", e.field() == null && "ledger.voucherPosted".equals(e.messageKey())
                ? "voucherNo" : e.field());
        model.addAttribute("errorFacility", code);
        model.addAttribute("errorForm", which);
        model.addAttribute(which + "Form", typed);
        return page(model);
    }

    /** 大写 of a part that may be zero (统还 of interest only): nothing rather than 零元整. */
    private static String words(java.math.BigDecimal amount) {
        return amount.signum() == 0 ? "" : cn.baojiaolou.reports.RmbUppercase.of(amount);
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
