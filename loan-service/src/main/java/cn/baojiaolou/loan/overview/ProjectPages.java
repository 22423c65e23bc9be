package cn.baojiaolou.loan.overview;

import cn.baojiaolou.loan.domain.project.Project;
import cn.baojiaolou.loan.domain.project.ProjectStatus;
import cn.baojiaolou.loan.domain.project.ProjectLifeCycle;
import cn.baojiaolou.loan.project.ProjectLifeCycleService;
import cn.baojiaolou.loan.project.ProjectService;

import static cn.baojiaolou.loan.web.ListExport.column;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.disbursement.DisbursementService;
import cn.baojiaolou.loan.district.DistrictService;
import cn.baojiaolou.loan.interest.ProjectInterest;
import cn.baojiaolou.loan.ledger.ProjectLedger;
import cn.baojiaolou.loan.reconciliation.ReconExceptionService;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.web.ListExport;
import cn.baojiaolou.loan.web.PageErrors;
import cn.baojiaolou.reports.ColumnType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;

/** 项目: the list (filter, sort, pages of 20) and one project's page with everything about it. */
@Controller
class ProjectPages {

    static final int PAGE_SIZE = 20;
    private static final List<String> SORTS = List.of("code", "name", "district", "status");

    private final ProjectService projects;
    private final DistrictService districts;
    private final ProjectLedger ledger;
    private final ProjectInterest interest;
    private final DisbursementService disbursements;
    private final ReconExceptionService exceptions;
    private final BusinessClock clock;
    private final PageErrors errors;
    private final ProjectLifeCycleService lifeCycle;
    private final ListExport export;
    private final MessageSource messages;
    private final cn.baojiaolou.loan.user.UserMapper users;

    ProjectPages(ProjectService projects, DistrictService districts, ProjectLedger ledger, ProjectInterest interest,
                 DisbursementService disbursements, ReconExceptionService exceptions, BusinessClock clock,
                 PageErrors errors, ProjectLifeCycleService lifeCycle, ListExport export, MessageSource messages,
                 cn.baojiaolou.loan.user.UserMapper users) {
        this.users = users;
        this.export = export;
        this.messages = messages;
        this.projects = projects;
        this.lifeCycle = lifeCycle;
        this.districts = districts;
        this.ledger = ledger;
        this.interest = interest;
        this.disbursements = disbursements;
        this.exceptions = exceptions;
        this.clock = clock;
        this.errors = errors;
    }

    @GetMapping("/projects")
    String list(@RequestParam(required = false) String district, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "code") String sort,
                @RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "1") int page,
                Model model, Locale locale) {
        List<Project> sorted = sorted(district, status, q, sort, dir, model, locale);
        String key = SORTS.contains(sort) ? sort : "code";
        int pages = Math.max(1, (sorted.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        model.addAttribute("projects", sorted.subList((current - 1) * PAGE_SIZE,
                Math.min(sorted.size(), current * PAGE_SIZE)));
        model.addAttribute("total", sorted.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("sort", key);
        model.addAttribute("dir", "desc".equals(dir) ? "desc" : "asc");
        model.addAttribute("district", district);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ProjectStatus.values());
        LoanUser user = CurrentUser.require();
        model.addAttribute("districts", user.isCityScope() ? districts.all()
                : districts.all().stream().filter(d -> d.id() == user.districtId()).toList());
        return "projects";
    }

    /** The whole list under the page's filter and order, as XLSX (a city's projects fit in memory, as on the page). */
    @GetMapping("/projects/projects.xlsx")
    void export(@RequestParam(required = false) String district, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "code") String sort,
                @RequestParam(defaultValue = "asc") String dir, HttpServletResponse response, Locale locale)
            throws IOException {
        List<Project> all = sorted(district, status, q, sort, dir, null, locale);
        List<ListExport.Column<Project>> columns = List.of(
                column("projects.col.code", ColumnType.TEXT, Project::code),
                column("projects.col.name", ColumnType.TEXT, Project::name),
                column("projects.col.district", ColumnType.TEXT, Project::districtName),
                column("projects.col.status", ColumnType.TEXT,
                        (Project p) -> messages.getMessage("status." + p.status(), null, locale)),
                column("projects.col.developer", ColumnType.TEXT, Project::developer),
                column("fact.contractor", ColumnType.TEXT, Project::contractor),
                column("facts.totalUnits", ColumnType.INTEGER, Project::totalUnits),
                column("projects.deliveredUnits", ColumnType.INTEGER, Project::deliveredUnits),
                column("facts.fundingGapYuan", ColumnType.YUAN, Project::fundingGap),
                column("fact.expectedDelivery", ColumnType.DATE, Project::expectedDeliveryDate),
                column("fact.plan", ColumnType.TEXT, Project::planText),
                column("fact.official", ColumnType.TEXT, Project::responsibleOfficial),
                column("fact.taskForce", ColumnType.TEXT, Project::taskForce));
        String filter = ListExport.filter(
                        district == null || district.isBlank() ? null
                                : messages.getMessage("projects.col.district", null, locale) + "：" + district,
                        status == null || status.isBlank() ? null
                                : messages.getMessage("status." + status, null, status, locale),
                        q == null || q.isBlank() ? null : "“" + q.trim() + "”",
                        messages.getMessage("projects.col." + (SORTS.contains(sort) ? sort : "code"), null, locale)
                                + ("desc".equals(dir) ? " ▼" : " ▲"));
        export.write(response, "projects", "projects.title", filter, columns,
                (last, limit) -> last == null ? all : List.of(), locale);
    }

    /** The projects the filter finds, in the chosen order; a refusal (another district) shows on the page. */
    private List<Project> sorted(String district, String status, String q, String sort, String dir, Model model,
                                 Locale locale) {
        ProjectStatus parsed = null;
        if (status != null && !status.isBlank()) {
            try {
                parsed = ProjectStatus.valueOf(status);
            } catch (IllegalArgumentException unknown) {
                // an unknown status filters nothing out; the select only offers valid ones
            }
        }
        List<Project> found;
        try {
            found = projects.search(district, parsed, q);
        } catch (Refusal e) {
            if (model == null) {
                throw e;
            }
            errors.show(model, e, locale);
            found = List.of();
        }
        String key = SORTS.contains(sort) ? sort : "code";
        Comparator<Project> order = switch (key) {
            case "name" -> Comparator.comparing(Project::name);
            case "district" -> Comparator.comparing(Project::districtName).thenComparing(Project::code);
            case "status" -> Comparator.comparing((Project p) -> p.status().ordinal()).thenComparing(Project::code);
            default -> Comparator.comparing(Project::code);
        };
        if ("desc".equals(dir)) {
            order = order.reversed();
        }
        return found.stream().sorted(order).toList();
    }

    /** The status form's first values: the next step, effective today. */
    record StatusFormDefaults(String status, String effectiveOn, String documentRef, String note) {
    }

    @GetMapping("/projects/{code}")
    String project(@PathVariable String code, Model model, Locale locale) {
        ProjectService.ProjectView view = projects.get(code);
        Project p = view.project();
        model.addAttribute("view", view);
        model.addAttribute("p", p);
        model.addAttribute("headroom", view.requestable());
        model.addAttribute("ledger", ledger.lines(p.id()));
        model.addAttribute("interest", interest.asOf(p.id(), clock.today()));
        model.addAttribute("disbursements", disbursements.search(p.code(), null));
        model.addAttribute("names", users.namesByLogin());
        model.addAttribute("exceptions", exceptions.search(null, "OPEN", null, null, p.code()));
        model.addAttribute("today", clock.today());
        model.addAttribute("statusHistory", lifeCycle.history(p.code()));
        List<ProjectStatus> next = ProjectLifeCycle.next(p.status());
        model.addAttribute("nextStatuses", next);
        if (next.contains(ProjectStatus.CLOSED)) {
            // what 销号 would still refuse, shown before anyone tries
            model.addAttribute("closeOutBlockers", lifeCycle.closeOutBlockers(p.code()).stream()
                    .map(r -> errors.message(r, locale)).toList());
        }
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", new StatusFormDefaults(next.isEmpty() ? null : next.get(0).name(),
                    clock.today().toString(), null, null));
        }
        return "project";
    }
}
