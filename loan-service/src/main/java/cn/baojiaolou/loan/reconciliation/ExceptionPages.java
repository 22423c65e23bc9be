package cn.baojiaolou.loan.reconciliation;

import static cn.baojiaolou.loan.web.ListExport.column;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
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
import cn.baojiaolou.loan.web.ListExport;
import cn.baojiaolou.loan.web.PageErrors;
import cn.baojiaolou.reports.ColumnType;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 异常: exceptions by date or period, rule, district and status with the rows behind each, sorted by severity, time or
 * amount, 50 a page by keyset, exported whole to XLSX; reviewers resolve or waive.
 */
@Controller
class ExceptionPages {

    private final ReconExceptionService exceptions;
    private final DistrictService districts;
    private final PageErrors errors;
    private final ObjectMapper json;
    private final cn.baojiaolou.loan.user.UserMapper users;
    private final ListExport export;
    private final MessageSource messages;

    ExceptionPages(ReconExceptionService exceptions, DistrictService districts, PageErrors errors, ObjectMapper json,
                   cn.baojiaolou.loan.user.UserMapper users, ListExport export, MessageSource messages) {
        this.users = users;
        this.export = export;
        this.messages = messages;
        this.exceptions = exceptions;
        this.districts = districts;
        this.errors = errors;
        this.json = json;
    }

    static final int PAGE_SIZE = 50;

    @GetMapping("/exceptions")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String rule, @RequestParam(required = false) String district,
                @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
                @RequestParam(required = false) Long after, Model model, Locale locale) {
        status = status(status, from, to);
        ExceptionSort order = ExceptionSort.of(sort);
        List<ReconException> found;
        try {
            found = exceptions.page(businessDate, from, to, status, rule, district, null, order, after,
                    PAGE_SIZE + 1);
        } catch (Refusal e) {
            errors.show(model, e, locale);
            found = List.of();
        }
        // one row more than a page says whether there is a next one; its keyset is the last row shown
        boolean more = found.size() > PAGE_SIZE;
        List<ReconException> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("exceptions", shown);
        model.addAttribute("nextAfter", more ? shown.get(PAGE_SIZE - 1).id() : null);
        model.addAttribute("after", after);
        java.util.Map<Long, List<RowLink>> links = new java.util.HashMap<>();
        shown.forEach(e -> links.put(e.id(), links(e)));
        model.addAttribute("links", links);
        model.addAttribute("names", names());
        model.addAttribute("businessDate", businessDate);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("rule", rule);
        model.addAttribute("district", district);
        model.addAttribute("status", status);
        model.addAttribute("sort", order.name());
        model.addAttribute("sorts", ExceptionSort.values());
        model.addAttribute("rules", RuleCode.values());
        model.addAttribute("districts", districts.all());
        return "exceptions";
    }

    /** Every exception under the page's filter, in its order, as XLSX: labels, not codes; 姓名; Beijing time. */
    @GetMapping("/exceptions/exceptions.xlsx")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String rule, @RequestParam(required = false) String district,
                @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
                HttpServletResponse response, Locale locale) throws IOException {
        String wanted = status(status, from, to);
        ExceptionSort order = ExceptionSort.of(sort);
        java.util.Map<String, String> names = names();
        List<ListExport.Column<ReconException>> columns = List.of(
                column("exceptions.no", ColumnType.INTEGER, ReconException::id),
                column("col.rule", ColumnType.TEXT, (ReconException e) -> label("rule." + e.ruleCode(), locale)),
                column("col.severity", ColumnType.TEXT, (ReconException e) -> label("severity." + e.severity(), locale)),
                column("col.district", ColumnType.TEXT, ReconException::districtName),
                column("exceptions.projectCode", ColumnType.TEXT, ReconException::projectCode),
                column("exceptions.projectName", ColumnType.TEXT, ReconException::projectName),
                column("col.amountYuan", ColumnType.YUAN, ReconException::amount),
                column("exceptions.firstSeen", ColumnType.DATE, ReconException::firstSeen),
                column("exceptions.lastSeen", ColumnType.DATE, ReconException::lastSeen),
                column("col.status", ColumnType.TEXT, (ReconException e) -> label("exstatus." + e.status(), locale)),
                column("exceptions.closedOnHead", ColumnType.DATE, ReconException::closedOn),
                column("col.detail", ColumnType.TEXT, ReconException::detail),
                column("exceptions.note", ColumnType.TEXT, ReconException::resolutionNote),
                column("exceptions.resolvedBy", ColumnType.TEXT, (ReconException e) -> e.resolvedBy() == null ? null
                        : names.getOrDefault(e.resolvedBy(), e.resolvedBy())),
                column("exceptions.resolvedAt", ColumnType.DATE, (ReconException e) -> e.resolvedAt() == null ? null
                        : cn.baojiaolou.loan.common.BusinessClock.beijing(e.resolvedAt())));
        String filter = ListExport.filter(
                        businessDate == null ? null : label("exceptions.onDate", locale) + "：" + businessDate,
                        from == null ? null : label("exceptions.from", locale) + "：" + from,
                        to == null ? null : label("exceptions.to", locale) + "：" + to,
                        rule == null || rule.isBlank() ? null : label("rule." + rule, locale),
                        district == null || district.isBlank() ? null : label("col.district", locale) + "：" + district,
                        label("col.status", locale) + "：" + label("exstatus." + wanted, locale),
                        label("exceptions.sort." + order.name(), locale));
        export.write(response, "exceptions", "exceptions.title", filter, columns, (last, limit) -> exceptions.page(
                businessDate, from, to, wanted, rule, district, null, order, last == null ? null : last.id(), limit),
                locale);
    }

    /** A period asks for its whole history (any status unless one is chosen); a day for what is still open. */
    private static String status(String status, LocalDate from, LocalDate to) {
        if (status == null || status.isBlank()) {
            return from != null || to != null ? "ALL" : "OPEN";
        }
        return status;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private java.util.Map<String, String> names() {
        return users.namesByLogin();
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
