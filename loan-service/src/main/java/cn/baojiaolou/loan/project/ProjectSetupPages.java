package cn.baojiaolou.loan.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.domain.project.PayeeKind;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.domain.project.StatusChange;
import cn.baojiaolou.loan.facility.FacilityService;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.web.PageErrors;

/**
 * Setting a project up in the browser: 新增项目 and 修改基本情况 (one form), 项目设置 (payees, allocations and
 * milestones, each form beside its list) and the status change of the project page. A refused form comes back with
 * what was typed and the message beside the field at fault.
 */
@Controller
class ProjectSetupPages {

    private final ProjectService projects;
    private final ProjectLifeCycleService lifeCycle;
    private final DistrictService districts;
    private final FacilityService facilities;
    private final BusinessClock clock;
    private final PageErrors errors;

    ProjectSetupPages(ProjectService projects, ProjectLifeCycleService lifeCycle, DistrictService districts,
                      FacilityService facilities, BusinessClock clock, PageErrors errors) {
        this.projects = projects;
        this.lifeCycle = lifeCycle;
        this.districts = districts;
        this.facilities = facilities;
        this.clock = clock;
        this.errors = errors;
    }

    /** The project form as typed. */
    record FactsForm(String code, String name, String district, String developer, String developerAccountNo,
                     String contractor, String totalUnits, String fundingGap, String expectedDeliveryDate,
                     String planText, String responsibleOfficial, String taskForce) {
    }

    record PayeeForm(String name, String accountNo, String bankName, String kind) {
    }

    record AllocationForm(String facilityCode, String amount, String approvalRef, String approvedOn) {
    }

    record MilestoneForm(String name, String plannedDate, String cumulativeCapPercent) {
    }

    record StatusForm(String status, String effectiveOn, String documentRef, String note) {
    }

    @GetMapping("/projects/new")
    String newProject(Model model) {
        LoanUser user = CurrentUser.require();
        String district = user.isCityScope() ? null : districts.all().stream()
                .filter(d -> d.id() == user.districtId()).map(d -> d.name()).findFirst().orElse(null);
        return factsPage(null, new FactsForm(null, null, district, null, null, null, null, null, null, null, null,
                null), model);
    }

    @PostMapping("/projects/new")
    String create(FactsForm form, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            String code = PageErrors.code("code", form.code());
            ProjectService.ProjectView v = projects.create(new ProjectService.NewProject(code,
                    required("name", form.name(), 128), required("district", form.district(), 64),
                    required("developer", form.developer(), 128), optional("developerAccountNo",
                    form.developerAccountNo(), 40), optional("contractor", form.contractor(), 128),
                    units(form.totalUnits()), gap(form.fundingGap()), date("expectedDeliveryDate",
                    form.expectedDeliveryDate(), false), ProjectStatus.STOPPED, longText(form.planText()),
                    optional("responsibleOfficial", form.responsibleOfficial(), 64),
                    optional("taskForce", form.taskForce(), 255)));
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule("project.created", code), locale));
            return "redirect:/projects/" + v.project().code() + "/setup";
        } catch (Refusal e) {
            errors.show(model, e, locale);
            return factsPage(null, form, model);
        }
    }

    @GetMapping("/projects/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        var p = projects.get(code).project();
        return factsPage(code, new FactsForm(p.code(), p.name(), p.districtName(), p.developer(),
                p.developerAccountNo(), p.contractor(), String.valueOf(p.totalUnits()),
                p.fundingGap() == null ? null : p.fundingGap().toPlainString(),
                p.expectedDeliveryDate() == null ? null : p.expectedDeliveryDate().toString(), p.planText(),
                p.responsibleOfficial(), p.taskForce()), model);
    }

    @PostMapping("/projects/{code}/edit")
    String save(@PathVariable String code, FactsForm form, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            projects.editFacts(code, new ProjectService.ProjectFacts(required("name", form.name(), 128),
                    required("developer", form.developer(), 128),
                    optional("developerAccountNo", form.developerAccountNo(), 40),
                    optional("contractor", form.contractor(), 128), units(form.totalUnits()), gap(form.fundingGap()),
                    date("expectedDeliveryDate", form.expectedDeliveryDate(), false), longText(form.planText()),
                    optional("responsibleOfficial", form.responsibleOfficial(), 64),
                    optional("taskForce", form.taskForce(), 255)));
            redirect.addFlashAttribute("notice", errors.text("facts.saved", locale));
            return "redirect:/projects/" + code;
        } catch (Refusal e) {
            errors.show(model, e, locale);
            return factsPage(code, form, model);
        }
    }

    @GetMapping("/projects/{code}/setup")
    String setup(@PathVariable String code, Model model) {
        return setupPage(code, null, null, null, model);
    }

    @PostMapping("/projects/{code}/setup/payees")
    String addPayee(@PathVariable String code, PayeeForm form, Model model, Locale locale,
                    RedirectAttributes redirect) {
        try {
            PayeeKind kind = Arrays.stream(PayeeKind.values()).filter(k -> k.name().equals(form.kind())).findFirst()
                    .orElseThrow(() -> Refusal.invalid("kind", "page.choose"));
            projects.addPayee(code, required("name", form.name(), 128), required("accountNo", form.accountNo(), 40),
                    required("bankName", form.bankName(), 128), kind);
            redirect.addFlashAttribute("notice", errors.text("setup.payeeAdded", locale));
            return "redirect:/projects/" + code + "/setup#payees";
        } catch (Refusal e) {
            errors.show(model, e, locale);
            model.addAttribute("errorForm", "payee");
            return setupPage(code, form, null, null, model);
        }
    }

    @PostMapping("/projects/{code}/setup/allocations")
    String allocate(@PathVariable String code, AllocationForm form, Model model, Locale locale,
                    RedirectAttributes redirect) {
        try {
            BigDecimal amount = PageErrors.amount("amount", form.amount());
            projects.allocate(code, PageErrors.code("facilityCode", form.facilityCode()), amount,
                    required("approvalRef", form.approvalRef(), 64), date("approvedOn", form.approvedOn(), true));
            redirect.addFlashAttribute("notice", errors.text("setup.allocated", locale));
            return "redirect:/projects/" + code + "/setup#allocations";
        } catch (Refusal e) {
            errors.show(model, e, locale);
            model.addAttribute("errorForm", "allocation");
            return setupPage(code, null, form, null, model);
        }
    }

    @PostMapping("/projects/{code}/setup/milestones")
    String addMilestone(@PathVariable String code, MilestoneForm form, Model model, Locale locale,
                        RedirectAttributes redirect) {
        try {
            BigDecimal cap = percent(form.cumulativeCapPercent());
            projects.addMilestone(code, required("name", form.name(), 64), date("plannedDate", form.plannedDate(),
                    true), cap);
            redirect.addFlashAttribute("notice", errors.text("setup.milestoneAdded", locale));
            return "redirect:/projects/" + code + "/setup#milestones";
        } catch (Refusal e) {
            errors.show(model, e, locale);
            model.addAttribute("errorForm", "milestone");
            return setupPage(code, null, null, form, model);
        }
    }

    /** The project page's status form: back to the page, with the message beside the field when refused. */
    @PostMapping("/projects/{code}/status")
    String changeStatus(@PathVariable String code, StatusForm form, Locale locale, RedirectAttributes redirect) {
        try {
            ProjectStatus to = Arrays.stream(ProjectStatus.values()).filter(s -> s.name().equals(form.status()))
                    .findFirst().orElseThrow(() -> Refusal.invalid("status", "page.choose"));
            StatusChange c = lifeCycle.change(code, to, date("effectiveOn", form.effectiveOn(), true),
                    required("documentRef", form.documentRef(), 128), PageErrors.note("note", form.note(), false));
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule("lifecycle.changed",
                    new Refusal.Label("status." + c.toStatus().name())), locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("statusError", errors.message(e, locale));
            redirect.addFlashAttribute("statusErrorField", e.field() == null ? "status" : e.field());
            redirect.addFlashAttribute("statusForm", form);
        }
        return "redirect:/projects/" + code + "#lifecycle";
    }

    private String factsPage(String code, FactsForm form, Model model) {
        model.addAttribute("editing", code);
        model.addAttribute("form", form);
        LoanUser user = CurrentUser.require();
        model.addAttribute("districts", user.isCityScope() ? districts.all()
                : districts.all().stream().filter(d -> d.id() == user.districtId()).toList());
        return "project-form";
    }

    private String setupPage(String code, PayeeForm payee, AllocationForm allocation, MilestoneForm milestone,
                             Model model) {
        ProjectService.ProjectView view = projects.get(code);
        model.addAttribute("view", view);
        model.addAttribute("p", view.project());
        model.addAttribute("payeeForm", payee == null ? new PayeeForm(null, null, null, null) : payee);
        model.addAttribute("allocationForm", allocation == null
                ? new AllocationForm(null, null, null, clock.today().toString()) : allocation);
        model.addAttribute("milestoneForm", milestone == null ? new MilestoneForm(null, null, null) : milestone);
        model.addAttribute("kinds", PayeeKind.values());
        model.addAttribute("facilities", facilities.all());
        model.addAttribute("today", clock.today());
        return "project-setup";
    }

    private static String required(String field, String text, int max) {
        String t = optional(field, text, max);
        if (t == null) {
            throw Refusal.invalid(field, "page.required");
        }
        return t;
    }

    /** Free text of at most max characters, without markup or quotes (as the API's {@code @SafeText}). */
    private static String optional(String field, String text, int max) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > max) {
            throw Refusal.invalid(field, "page.text.tooLong", max);
        }
        if (!new cn.baojiaolou.loan.common.SafeText.Validator().isValid(t, null)) {
            throw Refusal.invalid(field, "page.text.unsafe");
        }
        return t;
    }

    private static String longText(String text) {
        return optional("planText", text, 4000);
    }

    private static int units(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("\\d{1,6}") || Integer.parseInt(t) < 1 || Integer.parseInt(t) > 100000) {
            throw Refusal.invalid("totalUnits", "page.units.invalid");
        }
        return Integer.parseInt(t);
    }

    private static BigDecimal gap(String text) {
        return text == null || text.isBlank() ? cn.baojiaolou.loan.domain.Money.ZERO
                : PageErrors.amount("fundingGap", text);
    }

    private static BigDecimal percent(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            throw Refusal.invalid("cumulativeCapPercent", "page.percent.invalid");
        }
        BigDecimal p = new BigDecimal(t);
        if (p.signum() <= 0 || p.compareTo(new BigDecimal("100")) > 0) {
            throw Refusal.invalid("cumulativeCapPercent", "page.percent.invalid");
        }
        return p;
    }

    private static LocalDate date(String field, String text, boolean required) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() && !required) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, "page.date.invalid");
        }
    }
}
