package cn.baojiaolou.loan.disbursement;

import static cn.baojiaolou.loan.web.ListExport.column;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.baojiaolou.loan.common.BusinessClock;
import cn.baojiaolou.loan.domain.disbursement.Disbursement;
import cn.baojiaolou.loan.domain.disbursement.DisbursementStatus;
import cn.baojiaolou.loan.user.CurrentUser;
import cn.baojiaolou.loan.user.UserMapper;
import cn.baojiaolou.loan.web.ListExport;
import cn.baojiaolou.reports.ColumnType;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The work lists: 待复核 for reviewers (with the milestones waiting to be verified), and for accountants 待支付
 * (approved, not paid, across projects) and their own requests sent back with the reviewer's reason. Each list is
 * filtered by project code or name, sorted by time or amount, paged by keyset (50 rows), and exported whole to XLSX
 * under the same filter and order.
 */
@Controller
class WorkListPages {

    static final int WORK_PAGE = 50;

    private final DisbursementService disbursements;
    private final ReviewMapper review;
    private final UserMapper users;
    private final BusinessClock clock;
    private final ListExport export;
    private final MessageSource messages;

    WorkListPages(DisbursementService disbursements, ReviewMapper review, UserMapper users, BusinessClock clock,
                  ListExport export, MessageSource messages) {
        this.disbursements = disbursements;
        this.review = review;
        this.users = users;
        this.clock = clock;
        this.export = export;
        this.messages = messages;
    }

    @GetMapping("/disbursements/work")
    String workList(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) Long approvedAfter,
                    @RequestParam(required = false) Long rejectedAfter, Model model) {
        String text = text(q);
        WorkSort order = WorkSort.of(sort);
        var approved = disbursements.workList(DisbursementStatus.APPROVED, text, order, approvedAfter, WORK_PAGE + 1);
        var rejected = disbursements.workList(DisbursementStatus.REJECTED, text, order, rejectedAfter, WORK_PAGE + 1);
        filterModel(model, text, order);
        model.addAttribute("approved", page(approved));
        model.addAttribute("approvedNext", next(approved));
        model.addAttribute("rejected", page(rejected));
        model.addAttribute("rejectedNext", next(rejected));
        model.addAttribute("names", names());
        return "work";
    }

    @GetMapping("/review")
    String queue(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                 @RequestParam(required = false) Long after, Model model) {
        String text = text(q);
        WorkSort order = WorkSort.of(sort);
        var requests = disbursements.reviewQueue(text, order, after, WORK_PAGE + 1);
        filterModel(model, text, order);
        model.addAttribute("requests", page(requests));
        model.addAttribute("requestsNext", next(requests));
        model.addAttribute("names", names());
        model.addAttribute("me", CurrentUser.username());
        var user = CurrentUser.require();
        model.addAttribute("milestones", review.awaitingVerification(user.districtId(),
                clock.today().plusDays(30), 50));
        model.addAttribute("today", clock.today());
        return "review";
    }

    @GetMapping("/disbursements/work/to-pay.xlsx")
    void exportToPay(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                     HttpServletResponse response, Locale locale) throws IOException {
        exportList(response, "work.toPay", "work.title.toPay", DisbursementStatus.APPROVED, q, sort, locale);
    }

    @GetMapping("/disbursements/work/rejected.xlsx")
    void exportRejected(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                        HttpServletResponse response, Locale locale) throws IOException {
        exportList(response, "work.rejected", "work.title.rejected", DisbursementStatus.REJECTED, q, sort, locale);
    }

    @GetMapping("/review/requests.xlsx")
    void exportReviewQueue(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                           HttpServletResponse response, Locale locale) throws IOException {
        exportList(response, "review.requests", "work.title.review", DisbursementStatus.REQUESTED, q, sort, locale);
    }

    private void exportList(HttpServletResponse response, String list, String title, DisbursementStatus status,
                            String q, String sort, Locale locale) throws IOException {
        String text = text(q);
        WorkSort order = WorkSort.of(sort);
        Map<String, String> names = names();
        ListExport.Pages<Disbursement> pages = status == DisbursementStatus.REQUESTED
                ? (last, limit) -> disbursements.reviewQueue(text, order, last == null ? null : last.id(), limit)
                : (last, limit) -> disbursements.workList(status, text, order, last == null ? null : last.id(), limit);
        export.write(response, list, title, describe(text, order, locale), columns(status, names), pages, locale);
    }

    /** The export's columns: those of the page's table, with the project's code and the times in Beijing time. */
    private static List<ListExport.Column<Disbursement>> columns(DisbursementStatus status, Map<String, String> names) {
        var common = List.of(
                column("work.id", ColumnType.INTEGER, Disbursement::id),
                column("col.project", ColumnType.TEXT, Disbursement::projectCode),
                column("col.payee", ColumnType.TEXT, Disbursement::payeeName),
                column("col.purpose", ColumnType.TEXT, Disbursement::purpose),
                column("col.milestone", ColumnType.TEXT, Disbursement::milestoneName),
                column("col.amountYuan", ColumnType.YUAN, Disbursement::amount),
                column("work.requestedBy", ColumnType.TEXT, (Disbursement d) -> name(names, d.requestedBy())),
                column("work.requestedAt", ColumnType.DATE, (Disbursement d) -> BusinessClock.beijing(d.requestedAt())));
        return switch (status) {
            case REQUESTED -> common;
            case REJECTED -> concat(common, List.of(
                    column("work.rejectedBy", ColumnType.TEXT, (Disbursement d) -> name(names, d.decidedBy())),
                    column("work.rejectedAt", ColumnType.DATE, (Disbursement d) -> beijing(d)),
                    column("work.reason", ColumnType.TEXT, Disbursement::decisionNote)));
            default -> concat(common, List.of(
                    column("work.approvedBy", ColumnType.TEXT, (Disbursement d) -> name(names, d.decidedBy())),
                    column("work.approvedAt", ColumnType.DATE, (Disbursement d) -> beijing(d))));
        };
    }

    private static java.time.LocalDateTime beijing(Disbursement d) {
        return d.decidedAt() == null ? null : BusinessClock.beijing(d.decidedAt());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var all = new java.util.ArrayList<T>(a);
        all.addAll(b);
        return all;
    }

    private String describe(String text, WorkSort order, Locale locale) {
        String sorted = messages.getMessage("work.sort." + order.name(), null, locale);
        return text == null ? sorted : messages.getMessage("work.filter", null, locale) + "：" + text + "；" + sorted;
    }

    private void filterModel(Model model, String text, WorkSort order) {
        model.addAttribute("q", text);
        model.addAttribute("sort", order.name());
        model.addAttribute("sorts", WorkSort.values());
    }

    private Map<String, String> names() {
        return users.namesByLogin();
    }

    private static String name(Map<String, String> names, String username) {
        return username == null ? null : names.getOrDefault(username, username);
    }

    private static String text(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String t = q.trim();
        return t.length() > 64 ? t.substring(0, 64) : t;
    }

    private static List<Disbursement> page(List<Disbursement> found) {
        return found.size() > WORK_PAGE ? found.subList(0, WORK_PAGE) : found;
    }

    /** The keyset of the next page: the last row shown, when one more row than a page was found. */
    private static Long next(List<Disbursement> found) {
        return found.size() > WORK_PAGE ? found.get(WORK_PAGE - 1).id() : null;
    }
}
