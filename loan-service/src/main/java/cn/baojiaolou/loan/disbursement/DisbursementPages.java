package cn.baojiaolou.loan.disbursement;

import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.disbursement.DisbursementPurpose;
import cn.baojiaolou.loan.domain.disbursement.DisbursementStatus;

import java.math.BigDecimal;
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
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.web.PageErrors;

/**
 * 拨付申请 (accountants: request, then record the payment once approved) and 待复核 (reviewers: approve or reject
 * others' requests with a reason, verify milestones). Every action goes through the same services as the API, so
 * the same rules, locks and audit rows apply; a refusal shows the same Chinese message beside its field.
 */
@Controller
class DisbursementPages {

    private final DisbursementService disbursements;
    private final ProjectService projects;
    private final BusinessClock clock;
    private final PageErrors errors;

    DisbursementPages(DisbursementService disbursements, ProjectService projects, BusinessClock clock,
                      PageErrors errors) {
        this.disbursements = disbursements;
        this.projects = projects;
        this.clock = clock;
        this.errors = errors;
    }

    /** What the request form holds, kept as typed when it comes back with an error. */
    record RequestForm(String project, Long payeeId, Long milestoneId, String purpose, String amount) {
    }

    @GetMapping("/disbursements/new")
    String requestForm(@RequestParam(required = false) String project, Model model) {
        return form(new RequestForm(project, null, null, null, null), model);
    }

    private String form(RequestForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("projects", projects.search(null, null, null));
        model.addAttribute("purposes", DisbursementPurpose.allowedNames());
        if (form.project() != null && !form.project().isBlank()) {
            ProjectService.ProjectView view = projects.get(form.project());
            model.addAttribute("view", view);
            // what a new request may still take: the lower of the allocation and the verified cap, less paid and reserved
            model.addAttribute("headroom", view.requestable());
        }
        return "disbursement-new";
    }

    /**
     * The form first comes back as a confirmation step (project, payee and account, amount in figures and 大写, the
     * headroom before and after) checked by the same rules as the posting; only "确认提交" posts it.
     */
    @PostMapping("/disbursements/new")
    String request(RequestForm form, @RequestParam(required = false) String confirmed, Model model, Locale locale,
                   RedirectAttributes redirect) {
        try {
            BigDecimal amount = PageErrors.amount("amount", form.amount());
            if (form.payeeId() == null || form.milestoneId() == null) {
                throw Refusal.invalid(form.payeeId() == null ? "payeeId" : "milestoneId", "page.choose");
            }
            if (!"yes".equals(confirmed)) {
                model.addAttribute("preview", disbursements.previewRequest(form.project(), form.payeeId(),
                        form.milestoneId(), form.purpose(), amount, null));
                model.addAttribute("amountWords", cn.baojiaolou.reports.RmbUppercase.of(amount));
                return form(new RequestForm(form.project(), form.payeeId(), form.milestoneId(), form.purpose(),
                        amount.toPlainString()), model);
            }
            Disbursement d = disbursements.request(form.project(), form.payeeId(), form.milestoneId(), form.purpose(),
                    amount, null);
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule("page.requested", d.id()), locale));
            return "redirect:/projects/" + d.projectCode();
        } catch (Refusal e) {
            errors.show(model, e, locale);
            return form(form, model);
        }
    }

    /**
     * 付款: the project page's form comes here first as a confirmation step (payee and account, amount in figures and
     * 大写, date and voucher, the 专户's available balance before and after); only 确认付款 posts it.
     */
    @PostMapping("/disbursements/{id}/payment")
    String pay(@PathVariable long id, @RequestParam String paidOn, @RequestParam String voucherNo,
               @RequestParam(required = false) String confirmed, Model model, Locale locale,
               RedirectAttributes redirect) {
        Disbursement d = disbursements.get(id);
        try {
            if (!"yes".equals(confirmed)) {
                DisbursementService.PaymentPreview preview = disbursements.previewPayment(id,
                        LocalDate.parse(paidOn), PageErrors.code("voucherNo", voucherNo));
                ProjectService.ProjectView view = projects.get(d.projectCode());
                model.addAttribute("preview", preview);
                model.addAttribute("p", view.project());
                model.addAttribute("payee", view.payees().stream().filter(y -> y.id() == d.payeeId()).findFirst()
                        .orElse(null));
                model.addAttribute("amountWords", cn.baojiaolou.reports.RmbUppercase.of(d.amount()));
                return "payment-confirm";
            }
            disbursements.pay(id, LocalDate.parse(paidOn), PageErrors.code("voucherNo", voucherNo));
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule("page.paid", id), locale));
        } catch (DateTimeParseException e) {
            refusedPayment(redirect, id, paidOn, voucherNo, errors.message(Refusal.invalid("paidOn",
                    "page.date.invalid"), locale));
        } catch (Refusal e) {
            refusedPayment(redirect, id, paidOn, voucherNo, errors.message(e, locale));
        }
        return "redirect:/projects/" + d.projectCode();
    }

    /** What the pay form held when refused: shown again in that row's form, with the message beside it. */
    public record PayTyped(long id, String paidOn, String voucherNo, String message) {
    }

    private static void refusedPayment(RedirectAttributes redirect, long id, String paidOn, String voucherNo,
                                       String message) {
        redirect.addFlashAttribute("error", message);
        redirect.addFlashAttribute("payTyped", new PayTyped(id, paidOn, voucherNo, message));
    }

    /** The reversal form as typed. */
    record ReversalForm(String reversedOn, String reason) {
    }

    /**
     * 冲正: the paid payment shown in full (payee and account, amount in figures and 大写, date and voucher) beside the
     * form that reverses it with a date and a reason. The original row stays; a counter-entry is posted.
     */
    @GetMapping("/disbursements/{id}/reversal")
    String reversalForm(@PathVariable long id, Model model) {
        return reversalPage(id, new ReversalForm(clock.today().toString(), null), model);
    }

    @PostMapping("/disbursements/{id}/reversal")
    String reverse(@PathVariable long id, ReversalForm form, Model model, Locale locale,
                   RedirectAttributes redirect) {
        try {
            LocalDate on;
            try {
                on = LocalDate.parse(form.reversedOn() == null ? "" : form.reversedOn().trim());
            } catch (DateTimeParseException e) {
                throw Refusal.invalid("reversedOn", "page.date.invalid");
            }
            Disbursement d = disbursements.reverse(id, PageErrors.note("reason", form.reason(), true), on);
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule("page.reversed", id), locale));
            return "redirect:/projects/" + d.projectCode();
        } catch (Refusal e) {
            errors.show(model, e, locale);
            return reversalPage(id, form, model);
        }
    }

    private String reversalPage(long id, ReversalForm form, Model model) {
        Disbursement d = disbursements.get(id);
        ProjectService.ProjectView view = projects.get(d.projectCode());
        model.addAttribute("d", d);
        model.addAttribute("p", view.project());
        model.addAttribute("payee", view.payees().stream().filter(y -> y.id() == d.payeeId()).findFirst()
                .orElse(null));
        model.addAttribute("amountWords", cn.baojiaolou.reports.RmbUppercase.of(d.amount()));
        model.addAttribute("form", form);
        model.addAttribute("today", clock.today());
        return "reversal";
    }

    /** Rows a work list shows at once. */
    @PostMapping("/review/{id}/approval")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, Locale locale,
                   RedirectAttributes redirect) {
        return decide(() -> disbursements.approve(id, PageErrors.note("note", note, false)), "page.approved", id,
                locale, redirect);
    }

    @PostMapping("/review/{id}/rejection")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale,
                  RedirectAttributes redirect) {
        return decide(() -> disbursements.reject(id, PageErrors.note("reason", reason, true)), "page.rejected", id,
                locale, redirect);
    }

    @PostMapping("/review/milestones/{id}/verification")
    String verify(@PathVariable long id, @RequestParam String project, @RequestParam String verifiedOn,
                  @RequestParam String inspector, @RequestParam String evidenceRef,
                  @RequestParam(required = false) Integer unitsDelivered, Locale locale,
                  RedirectAttributes redirect) {
        try {
            projects.verify(project, id, LocalDate.parse(verifiedOn), PageErrors.note("inspector", inspector, true),
                    PageErrors.note("evidenceRef", evidenceRef, true), unitsDelivered);
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule("page.verified", id), locale));
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", errors.message(Refusal.invalid("verifiedOn",
                    "page.date.invalid"), locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", errors.message(e, locale));
        }
        return "redirect:/review";
    }

    private String decide(Runnable action, String done, long id, Locale locale, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule(done, id), locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", errors.message(e, locale));
        }
        return "redirect:/review";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
