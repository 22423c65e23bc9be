package cn.baojiaolou.loan.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.ObjectMapper;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.domain.reconciliation.RuleCode;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.web.PageErrors;

/** 异常: exceptions by date, rule, district and status with the rows behind each; reviewers resolve or waive. */
@Controller
class ExceptionPages {

    private final ReconExceptionService exceptions;
    private final DistrictService districts;
    private final PageErrors errors;
    private final ObjectMapper json;
    private final cn.baojiaolou.loan.user.UserMapper users;

    ExceptionPages(ReconExceptionService exceptions, DistrictService districts, PageErrors errors, ObjectMapper json,
                   cn.baojiaolou.loan.user.UserMapper users) {
        this.users = users;
        this.exceptions = exceptions;
        this.districts = districts;
        this.errors = errors;
        this.json = json;
    }

    @GetMapping("/exceptions")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String rule, @RequestParam(required = false) String district,
                @RequestParam(required = false) String status, Model model, Locale locale) {
        // a period asks for its whole history (any status unless one is chosen); a day for what is still open
        boolean period = from != null || to != null;
        if (status == null || status.isBlank()) {
            status = period ? "ALL" : "OPEN";
        }
        List<ReconException> found;
        try {
            found = exceptions.search(businessDate, from, to, status, rule, district, null);
        } catch (Refusal e) {
            errors.show(model, e, locale);
            found = List.of();
        }
        model.addAttribute("exceptions", found);
        java.util.Map<Long, List<RowLink>> links = new java.util.HashMap<>();
        found.forEach(e -> links.put(e.id(), links(e)));
        model.addAttribute("links", links);
        java.util.Map<String, String> names = new java.util.HashMap<>();
        users.displayNames().forEach(n -> names.put(n.username(), n.displayName()));
        model.addAttribute("names", names);
        model.addAttribute("businessDate", businessDate);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("rule", rule);
        model.addAttribute("district", district);
        model.addAttribute("status", status);
        model.addAttribute("rules", RuleCode.values());
        model.addAttribute("districts", districts.all());
        return "exceptions";
    }

    /** One row behind an exception: its label and, where a page shows it, the link there. */
    record RowLink(String kind, long id, String href) {
    }

    /**
     * The refs JSON as links: payments and milestones to their project's page (anchored on the row), bank lines and
     * ledger rows as numbers (they have no page of their own; the API lists them).
     */
    private List<RowLink> links(ReconException e) {
        Refs refs = Refs.parse(json, e.refs());
        String project = e.projectCode() == null ? null : "/projects/" + e.projectCode();
        List<RowLink> rows = new ArrayList<>();
        refs.disbursementIds().forEach(id -> rows.add(new RowLink("disbursement", id,
                project == null ? null : project + "#disbursement-" + id)));
        refs.milestoneIds().forEach(id -> rows.add(new RowLink("milestone", id, project)));
        refs.bankLineIds().forEach(id -> rows.add(new RowLink("bankLine", id, null)));
        refs.ledgerEntryIds().forEach(id -> rows.add(new RowLink("ledgerEntry", id, project)));
        return rows;
    }

    @PostMapping("/exceptions/{id}/resolution")
    String resolve(@PathVariable long id, @RequestParam String status, @RequestParam(required = false) String note,
                   Locale locale, RedirectAttributes redirect) {
        try {
            exceptions.resolve(id, status, PageErrors.note("note", note, true));
            redirect.addFlashAttribute("notice", errors.message(Refusal.rule("page.resolved", id), locale));
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", errors.message(e, locale));
            redirect.addFlashAttribute("errorId", id);
            redirect.addFlashAttribute("typedNote", note);
        }
        return "redirect:/exceptions";
    }
}
