package cn.baojiaolou.loan.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志: the audit trail, filterable, newest first, with the result of the hash-chain check. */
@Controller
class AuditPage {

    private final AuditController api;

    AuditPage(AuditController api) {
        this.api = api;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 Model model) {
        // the same search and scope as GET /api/v1/audit-events, 200 rows a page
        model.addAttribute("events", api.search(username, action, null, null, from, to, null, 200));
        model.addAttribute("chain", api.chainCheck());
        model.addAttribute("username", username);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit";
    }
}
