package cn.baojiaolou.loan.audit;

import static cn.baojiaolou.loan.web.ListExport.column;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.baojiaolou.loan.user.SystemPrincipal;
import cn.baojiaolou.loan.user.UserMapper;
import cn.baojiaolou.loan.web.ListExport;
import cn.baojiaolou.loan.web.PageFormat;
import cn.baojiaolou.reports.ColumnType;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 审计日志: the audit trail, filterable by user, action, target and date, newest first, 50 rows a page (keyset: the
 * next page starts after the last id shown, newest or oldest first), with the result of the hash-chain check, and
 * exported whole to XLSX under the same filter. People are shown by 姓名,
 * actions and results by their label, times in Beijing time; rows of the system principal are marked as such.
 */
@Controller
class AuditPage {

    static final int PAGE_SIZE = 50;
    /** The actions the filter offers, in the order of the money's life; the bundles label each (audit.action.*). */
    static final List<String> ACTIONS = List.of("LOGIN_SUCCEEDED", "LOGIN_FAILED", "LOGIN_THROTTLED", "ACCOUNT_LOCKED",
            "LOGOUT", "ACCESS_DENIED", "DISTRICT_CREATED", "FACILITY_CREATED",
            "TERM_CHANGE_REQUESTED", "TERM_CHANGE_APPROVED", "TERM_CHANGE_REJECTED", "DRAWDOWN_POSTED", "PROJECT_CREATED",
            "PROJECT_FACTS_EDITED", "PROJECT_STATUS_CHANGED",
            "PAYEE_REGISTERED", "ALLOCATION_APPROVED", "MILESTONE_PLANNED", "MILESTONE_VERIFIED",
            "DISBURSEMENT_REQUESTED", "DISBURSEMENT_APPROVED", "DISBURSEMENT_REJECTED", "DISBURSEMENT_PAID",
            "DISBURSEMENT_REVERSED", "PROJECT_REPAYMENT_POSTED", "CENTRAL_REPAYMENT_POSTED", "BANK_STATEMENT_IMPORTED",
            "BANK_STATEMENT_MAPPING_SAVED", "BANK_LINE_HELD_CONFIRMED", "BANK_LINE_HELD_DROPPED",
            "COURT_FREEZE_REGISTERED", "COURT_FREEZE_RELEASED", "COURT_DEDUCTION_REGISTERED",
            "COURT_DEDUCTION_UPDATED", "COURT_DEDUCTION_RECOVERED", "COURT_DEDUCTION_WRITTEN_OFF",
            "COURT_LETTER_DRAFTED", "EXCEPTION_RESOLVED", "EXCEPTION_WAIVED", "ONBOARDING_CHECKED",
            "ONBOARDING_IMPORTED", "ONBOARDING_REFUSED", "REPORT_ARCHIVED", "REPORT_DOWNLOADED", "REPORT_VERIFIED", "LIST_EXPORTED",
            "TOKEN_CREATED", "TOKEN_FIRST_USED", "TOKEN_REVOKED", "USER_CREATED", "USER_DISABLED", "USER_ENABLED",
            "PASSWORD_RESET", "PASSWORD_CHANGED");

    static final String NEWEST = "NEWEST";
    static final String OLDEST = "OLDEST";

    private final AuditController api;
    private final UserMapper users;
    private final MessageSource messages;
    private final ListExport export;

    AuditPage(AuditController api, UserMapper users, MessageSource messages, ListExport export) {
        this.api = api;
        this.users = users;
        this.messages = messages;
        this.export = export;
    }

    /** A row as the page shows it. */
    record Row(long id, String time, String username, String person, boolean system, String action, String target,
               String result, boolean refused, String detail) {
    }

    /** An action of the filter's list: its code and its label. */
    record Choice(String code, String label) {
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) Long before,
                 Model model, Locale locale) {
        boolean oldest = OLDEST.equals(sort);
        // the same search and scope as GET /api/v1/audit-events; one row more than shown tells whether a next page exists
        List<AuditEvent> found = api.page(username, action, targetType, targetId, from, to, before, oldest,
                PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<AuditEvent> shown = more ? found.subList(0, PAGE_SIZE) : found;
        Map<String, String> names = names();
        model.addAttribute("rows", shown.stream().map(e -> row(e, names, locale)).toList());
        model.addAttribute("nextBefore", more ? shown.get(shown.size() - 1).id() : null);
        model.addAttribute("actions", ACTIONS.stream().map(a -> new Choice(a, label("audit.action." + a, a, locale)))
                .toList());
        model.addAttribute("chain", api.chainCheck());
        model.addAttribute("username", username);
        model.addAttribute("action", action);
        model.addAttribute("targetType", targetType);
        model.addAttribute("targetId", targetId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sort", oldest ? OLDEST : NEWEST);
        return "audit";
    }

    /** The whole trail under the page's filter and order, as XLSX (the export is itself audited). */
    @GetMapping("/audit/events.xlsx")
    void export(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
                @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String sort, HttpServletResponse response, Locale locale)
            throws IOException {
        boolean oldest = OLDEST.equals(sort);
        Map<String, String> names = names();
        List<ListExport.Column<Row>> columns = List.of(
                column("audit.no", ColumnType.INTEGER, Row::id),
                column("audit.timeBeijing", ColumnType.TEXT, Row::time),
                column("audit.username", ColumnType.TEXT, Row::person),
                column("audit.action", ColumnType.TEXT, Row::action),
                column("audit.target", ColumnType.TEXT, Row::target),
                column("audit.result", ColumnType.TEXT, Row::result),
                column("audit.detail", ColumnType.TEXT, Row::detail));
        String filter = ListExport.filter(
                        username == null || username.isBlank() ? null : label("audit.username", "", locale) + "：" + username,
                        action == null || action.isBlank() ? null : label("audit.action." + action, action, locale),
                        targetType == null || targetType.isBlank() ? null
                                : label("audit.targetType", "", locale) + "：" + label("audit.targetType." + targetType,
                                targetType, locale),
                        targetId == null || targetId.isBlank() ? null
                                : label("audit.targetId", "", locale) + "：" + targetId,
                        from == null ? null : label("audit.from", "", locale) + "：" + from,
                        to == null ? null : label("audit.to", "", locale) + "：" + to,
                        label(oldest ? "audit.sort.OLDEST" : "audit.sort.NEWEST", "", locale));
        export.write(response, "audit", "menu.audit", filter, columns, (last, limit) ->
                api.page(username, action, targetType, targetId, from, to, last == null ? null : last.id(), oldest,
                        limit).stream().map(e -> row(e, names, locale)).toList(), locale);
    }

    private Map<String, String> names() {
        return users.namesByLogin();
    }

    private Row row(AuditEvent e, Map<String, String> names, Locale locale) {
        String name = names.get(e.username());
        boolean system = SystemPrincipal.NAME.equals(e.username());
        String person = system ? label("audit.systemPrincipal", e.username(), locale)
                : name == null || name.isBlank() || name.equals(e.username()) ? e.username()
                : name + "（" + e.username() + "）";
        String target = e.targetType() == null ? "" : label("audit.targetType." + e.targetType(), e.targetType(), locale)
                + (e.targetId() == null ? "" : " " + e.targetId());
        return new Row(e.id(), PageFormat.beijingTime(e.occurredAt()), e.username(), person, system,
                label("audit.action." + e.action(), e.action(), locale), target,
                label("audit.result." + e.result(), e.result(), locale), !"SUCCESS".equals(e.result()), e.detail());
    }

    private String label(String key, String fallback, Locale locale) {
        // a code without a label (an action added later) is shown as it is stored rather than as ??key??
        return messages.getMessage(key, null, fallback, locale);
    }
}
