package cn.baojiaolou.loan.audit;

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
import cn.baojiaolou.loan.web.PageFormat;

/**
 * 审计日志: the audit trail, filterable by user, action, target and date, newest first, 50 rows a page (keyset: the
 * next page starts below the last id shown), with the result of the hash-chain check. People are shown by 姓名,
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

    private final AuditController api;
    private final UserMapper users;
    private final MessageSource messages;

    AuditPage(AuditController api, UserMapper users, MessageSource messages) {
        this.api = api;
        this.users = users;
        this.messages = messages;
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
                 @RequestParam(required = false) Long before, Model model, Locale locale) {
        // the same search and scope as GET /api/v1/audit-events; one row more than shown tells whether a next page exists
        List<AuditEvent> found = api.search(username, action, targetType, targetId, from, to, before, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<AuditEvent> shown = more ? found.subList(0, PAGE_SIZE) : found;
        Map<String, String> names = new HashMap<>();
        users.displayNames().forEach(n -> names.put(n.username(), n.displayName()));
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
        return "audit";
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
