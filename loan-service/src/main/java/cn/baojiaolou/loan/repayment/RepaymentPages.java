package cn.baojiaolou.loan.repayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.project.ProjectService;
import cn.baojiaolou.loan.web.PageErrors;

/**
 * 还款 (accountants): a project's repayment, previewed first — how it splits into penalty, interest and principal
 * per facility — then confirmed. Both steps use the service the API uses.
 */
@Controller
class RepaymentPages {

    private final ProjectRepaymentService repayments;
    private final ProjectService projects;
    private final BusinessClock clock;
    private final PageErrors errors;

    RepaymentPages(ProjectRepaymentService repayments, ProjectService projects, BusinessClock clock,
                   PageErrors errors) {
        this.repayments = repayments;
        this.projects = projects;
        this.clock = clock;
        this.errors = errors;
    }

    /** The form as typed. */
    record RepaymentForm(String amount, String valueDate, String voucherNo) {
    }

    @GetMapping("/projects/{code}/repayments/new")
    String form(@PathVariable String code, Model model) {
        return page(code, new RepaymentForm(null, clock.today().toString(), null), null, model);
    }

    @PostMapping("/projects/{code}/repayments/preview")
    String preview(@PathVariable String code, RepaymentForm form, Model model, Locale locale) {
        try {
            ProjectRepaymentService.Repayment split = repayments.preview(code, PageErrors.amount("amount",
                    form.amount()), date(form.valueDate()));
            PageErrors.code("voucherNo", form.voucherNo());
            return page(code, form, split, model);
        } catch (Refusal e) {
            errors.show(model, e, locale);
            return page(code, form, null, model);
        }
    }

    @PostMapping("/projects/{code}/repayments")
    String record(@PathVariable String code, RepaymentForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        try {
            BigDecimal amount = PageErrors.amount("amount", form.amount());
            ProjectRepaymentService.Repayment r = repayments.repay(code, amount, date(form.valueDate()),
                    PageErrors.code("voucherNo", form.voucherNo()));
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule("page.repaid",
                    cn.baojiaolou.reports.WanYuan.formatYuan(r.amount()), cn.baojiaolou.reports.WanYuan.formatYuan(
                            r.principal())), locale));
            return "redirect:/projects/" + code;
        } catch (Refusal e) {
            errors.show(model, e, locale);
            return page(code, form, null, model);
        }
    }

    private String page(String code, RepaymentForm form, ProjectRepaymentService.Repayment preview, Model model) {
        model.addAttribute("view", projects.get(code));
        model.addAttribute("form", form);
        model.addAttribute("preview", preview);
        model.addAttribute("today", clock.today());
        return "repayment";
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("valueDate", "page.date.invalid");
        }
    }
}
